using System.Globalization;

namespace OpenDownloads.Counting.Readers.Combined;

/// <summary>Reads the common log format's time, <c>10/Oct/2000:13:55:36 -0700</c>, into ISO 8601 text.</summary>
public static class CombinedLogTime
{
    private static readonly string[] Months =
        ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

    /// <summary>
    /// Tries to read <paramref name="text"/>; on success <paramref name="iso"/> is the same instant as
    /// <c>2000-10-10T13:55:36-07:00</c>, keeping the logged offset.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<char> text, out string iso)
    {
        iso = string.Empty;
        text = text.Trim();
        if (text.Length != 26 || text[2] != '/' || text[6] != '/' || text[11] != ':' || text[14] != ':'
            || text[17] != ':' || text[20] != ' ' || text[21] is not ('+' or '-'))
        {
            return false;
        }

        var month = Array.IndexOf(Months, text.Slice(3, 3).ToString()) + 1;
        if (month == 0 || !AllDigits(text[..2]) || !AllDigits(text.Slice(7, 4)) || !AllDigits(text.Slice(12, 2))
            || !AllDigits(text.Slice(15, 2)) || !AllDigits(text.Slice(18, 2)) || !AllDigits(text.Slice(22, 4)))
        {
            return false;
        }

        iso = string.Create(
            CultureInfo.InvariantCulture,
            $"{text.Slice(7, 4)}-{month:00}-{text[..2]}T{text.Slice(12, 8)}"
            + $"{text[21]}{text.Slice(22, 2)}:{text.Slice(24, 2)}");

        // A day 99 or an hour 24 is refused here, so the rejection quotes the time as it was logged.
        return DateTimeOffset.TryParseExact(
            iso, "yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);
    }

    private static bool AllDigits(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
