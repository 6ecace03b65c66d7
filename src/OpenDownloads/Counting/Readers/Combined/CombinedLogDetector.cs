using System.Text;

namespace OpenDownloads.Counting.Readers.Combined;

/// <summary>Tells nginx or Apache combined log text from its first lines.</summary>
public static class CombinedLogDetector
{
    /// <summary>How many lines are looked at: a log may start with a comment or a cut line a shipper left.</summary>
    public const int LinesLookedAt = 5;

    /// <summary>Whether one of the first <see cref="LinesLookedAt"/> lines of <paramref name="text"/> is a
    /// combined log line.</summary>
    public static bool LooksCombined(ReadOnlySpan<byte> text)
    {
        if (text.StartsWith("\uFEFF"u8))
        {
            text = text[3..];
        }

        for (var looked = 0; looked < LinesLookedAt && !text.IsEmpty; looked++)
        {
            var end = text.IndexOf((byte)'\n');
            var line = Encoding.UTF8.GetString(end >= 0 ? text[..end] : text).TrimEnd('\r');
            if (CombinedLogLine.Parse(line, new RecordLocation("line", 1, 1)).ReadError is null)
            {
                return true;
            }

            text = end >= 0 ? text[(end + 1)..] : [];
        }

        return false;
    }
}
