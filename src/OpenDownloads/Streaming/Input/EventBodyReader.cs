using System.Runtime.InteropServices;
using OpenDownloads.Counting.Readers;
using OpenDownloads.Counting.Readers.AzureMonitor;
using OpenDownloads.Counting.Readers.Combined;

namespace OpenDownloads.Streaming.Input;

/// <summary>
/// Turns one event body into request records with the readers and field mapping <c>odl count</c> uses: oDL and OP3
/// event objects (one, an array, or JSON lines), Azure Monitor's diagnostic envelope from Front Door, Azure CDN and
/// Storage, and nginx or Apache combined log lines. A record that cannot be read comes back with its reason.
/// </summary>
public sealed class EventBodyReader
{
    private readonly FieldMapping _mapping;

    /// <summary>Initializes a reader that maps field names with <paramref name="mapping"/>.</summary>
    public EventBodyReader(FieldMapping mapping)
    {
        ArgumentNullException.ThrowIfNull(mapping);
        _mapping = mapping;
    }

    /// <summary>Reads the records of <paramref name="body"/>.</summary>
    /// <param name="body">The event body.</param>
    /// <param name="sourceName">The event's name in locations, such as <c>p3/s1042</c>.</param>
    public EventRecords Read(ReadOnlyMemory<byte> body, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(sourceName);
        var shape = EventShapeDetector.Detect(body.Span);
        return shape switch
        {
            EventShape.AzureMonitor => ReadEnvelope(body, sourceName),
            EventShape.CombinedLog => new EventRecords(shape, CombinedLogReader.Read(body.Span, sourceName), 0),
            EventShape.JsonDocument => new EventRecords(
                shape, [.. new JsonDocumentReader().Read(AsStream(body), sourceName, _mapping)], 0),
            _ => new EventRecords(shape, ReadJsonEvents(body, sourceName), 0),
        };
    }

    private static EventRecords ReadEnvelope(ReadOnlyMemory<byte> body, string sourceName)
    {
        var envelope = AzureMonitorReader.Read(body, sourceName);
        return new EventRecords(EventShape.AzureMonitor, envelope.Records, envelope.Skipped);
    }

    private static MemoryStream AsStream(ReadOnlyMemory<byte> body) =>
        MemoryMarshal.TryGetArray(body, out var segment)
            ? new MemoryStream(segment.Array!, segment.Offset, segment.Count, writable: false)
            : new MemoryStream(body.ToArray(), writable: false);

    private List<RawRecord> ReadJsonEvents(ReadOnlyMemory<byte> body, string sourceName)
    {
        // One object per body is the common case; JSON lines hold several, and a pretty-printed object spans lines.
        var text = EventShapeDetector.TrimStart(body.Span);
        if (LogFormatDetector.StartsWithJsonLine(text))
        {
            return [.. new JsonLinesReader().Read(AsStream(body), sourceName, _mapping)];
        }

        return [JsonRecordParser.Parse(text.TrimEnd(" \t\r\n"u8), new RecordLocation(sourceName, 1, 1), _mapping)];
    }
}
