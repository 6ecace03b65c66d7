using System.Text;
using System.Text.Unicode;

namespace OpenDownloads.Counting.Readers.Combined;

/// <summary>
/// Reads an nginx or Apache combined log file, one record a line, with the line parser the stream path uses. A line
/// that is not a combined log line (a comment, a cut line) is rejected with its line number, and reading goes on.
/// </summary>
public sealed class CombinedLogFileReader : ILogReader
{
    /// <inheritdoc/>
    public IEnumerable<RawRecord> Read(Stream stream, string sourceName, FieldMapping mapping)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var lines = new LineSplitter(stream, JsonLinesReader.MaxLineBytes);
        long record = 0;
        while (lines.TryReadLine(out var line, out var tooLong))
        {
            if (!tooLong && line.Span.Trim(" \t"u8).IsEmpty)
            {
                continue;
            }

            var location = new RecordLocation(sourceName, lines.LineNumber, ++record);
            if (tooLong)
            {
                yield return RawRecord.Unreadable(
                    location,
                    $"The line is longer than {JsonLinesReader.MaxLineBytes} bytes; a log line must be shorter.");
            }
            else
            {
                yield return Utf8.IsValid(line.Span)
                    ? CombinedLogLine.Parse(Encoding.UTF8.GetString(line.Span), location)
                    : RawRecord.Unreadable(location, "The line is not valid UTF-8; logs must be UTF-8 text.");
            }
        }
    }
}
