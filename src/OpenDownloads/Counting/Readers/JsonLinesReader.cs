namespace OpenDownloads.Counting.Readers;

/// <summary>Reads JSON lines: one event object per line. A broken line is rejected and reading goes on.</summary>
public sealed class JsonLinesReader : ILogReader
{
    /// <summary>The longest line accepted, in bytes; a longer one is rejected without being held in memory.</summary>
    public const int MaxLineBytes = 1024 * 1024;

    /// <inheritdoc/>
    public IEnumerable<RawRecord> Read(Stream stream, string sourceName, FieldMapping mapping)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(mapping);
        return Read(new LineSplitter(stream, MaxLineBytes), sourceName, mapping, new LogPartTally());
    }

    /// <summary>
    /// Reads the lines <paramref name="lines"/> splits; <paramref name="tally"/> holds how many lines and records
    /// were read once the records have been enumerated.
    /// </summary>
    internal static IEnumerable<RawRecord> Read(
        LineSplitter lines,
        string sourceName,
        FieldMapping mapping,
        LogPartTally tally)
    {
        long record = 0;
        var cache = new RecordParseCache(mapping);
        while (lines.TryReadLine(out var line, out var tooLong))
        {
            tally.Lines = lines.LineNumber;
            if (!tooLong && line.Span.Trim(" \t"u8).IsEmpty)
            {
                continue;
            }

            var location = new RecordLocation(sourceName, lines.LineNumber, ++record);
            tally.Records = record;
            yield return tooLong
                ? RawRecord.Unreadable(
                    location,
                    $"The line is longer than {MaxLineBytes} bytes; an event must be shorter.")
                : JsonRecordParser.Parse(line.Span, location, cache);
        }
    }
}
