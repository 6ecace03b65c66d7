using System.Text;
using System.Text.Unicode;

namespace OpenDownloads.Counting.Readers.Combined;

/// <summary>Reads the lines of an event body as nginx or Apache combined log lines, one record per line.</summary>
internal static class CombinedLogReader
{
    public static List<RawRecord> Read(ReadOnlySpan<byte> body, string sourceName)
    {
        if (body.StartsWith("\uFEFF"u8))
        {
            body = body[3..];
        }

        var records = new List<RawRecord>();
        long lineNumber = 0;
        while (!body.IsEmpty)
        {
            var newline = body.IndexOf((byte)'\n');
            var line = newline >= 0 ? body[..newline] : body;
            body = newline >= 0 ? body[(newline + 1)..] : [];
            lineNumber++;
            line = line.TrimEnd("\r"u8);
            if (line.Trim(" \t"u8).IsEmpty)
            {
                continue;
            }

            var location = new RecordLocation(sourceName, lineNumber, records.Count + 1);
            records.Add(Utf8.IsValid(line)
                ? CombinedLogLine.Parse(Encoding.UTF8.GetString(line), location)
                : RawRecord.Unreadable(location, "The line is not valid UTF-8; logs must be UTF-8 text."));
        }

        return records;
    }
}
