namespace OpenDownloads.Counting.Readers.AzureMonitor;

/// <summary>
/// Reads Azure Monitor diagnostic logs with the envelope reader the stream path uses: a <c>{"records": [...]}</c>
/// file (a Front Door, Azure CDN or Storage blob log as exported), cut into one envelope per record as the stream
/// path sends it, or an Event Hubs capture-style file of JSON lines, one envelope a line. Records that are no client
/// requests (metrics, other categories the counter knows) are skipped; any other bad record is rejected with its line.
/// </summary>
public sealed class AzureMonitorFileReader : ILogReader
{
    // The first line decides between a capture file and one document, so the whole of a long first line is seen.
    private const int SniffBytes = JsonLinesReader.MaxLineBytes;

    /// <inheritdoc/>
    public IEnumerable<RawRecord> Read(Stream stream, string sourceName, FieldMapping mapping)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(sourceName);
        ArgumentNullException.ThrowIfNull(mapping);
        var prefix = ReplayStream.ReadPrefix(stream, SniffBytes);
        using var replay = new ReplayStream(stream, prefix);
        var isCapture = LogFormatDetector.StartsWithJsonLine(prefix);
        var records = isCapture ? ReadCapture(replay, sourceName, mapping) : ReadDocument(replay, sourceName);
        foreach (var record in records)
        {
            yield return record;
        }
    }

    private static IEnumerable<RawRecord> ReadCapture(Stream stream, string sourceName, FieldMapping mapping)
    {
        var lines = new LineSplitter(stream, JsonLinesReader.MaxLineBytes);
        long record = 0;
        while (lines.TryReadLine(out var line, out var tooLong))
        {
            if (!tooLong && line.Span.Trim(" \t"u8).IsEmpty)
            {
                continue;
            }

            var lineNumber = lines.LineNumber;
            if (tooLong)
            {
                yield return RawRecord.Unreadable(
                    new RecordLocation(sourceName, lineNumber, ++record),
                    $"The line is longer than {JsonLinesReader.MaxLineBytes} bytes; an envelope must be shorter.");
                continue;
            }

            if (!AzureMonitorEnvelope.Starts(line.Span))
            {
                // A line that is no envelope is read as the stream path reads such an event: as one event object.
                var location = new RecordLocation(sourceName, lineNumber, ++record);
                yield return JsonRecordParser.Parse(line.Span, location, mapping);
                continue;
            }

            var first = record;
            var read = AzureMonitorReader.Read(
                line, index => new RecordLocation(sourceName, lineNumber, first + index));
            // Skipped records hold their numbers too, as in a {"records": [...]} file: the n-th record of the file is n.
            record += read.Records.Count + read.Skipped;
            foreach (var found in read.Records)
            {
                yield return found;
            }
        }
    }

    private static IEnumerable<RawRecord> ReadDocument(Stream stream, string sourceName)
    {
        // The envelope is one JSON document; it is read whole, as the stream path reads it, to cut it by record.
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        var content = buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
        foreach (var part in AzureMonitorEnvelope.Split(content, sourceName))
        {
            if (part.Error is { } error)
            {
                yield return RawRecord.Unreadable(part.Origin, error);
                continue;
            }

            var origin = part.Origin;
            var read = AzureMonitorReader.Read(part.Body, index => origin with { Record = origin.Record + index - 1 });
            foreach (var found in read.Records)
            {
                yield return found;
            }
        }
    }
}
