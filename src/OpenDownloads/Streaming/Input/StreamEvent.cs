using OpenDownloads.Counting.Readers;

namespace OpenDownloads.Streaming.Input;

/// <summary>One event from an Event Hubs partition: its body and where it sits in the partition.</summary>
/// <param name="Body">The event body as the producer sent it.</param>
/// <param name="SequenceNumber">The event's sequence number in its partition; redelivery repeats it.</param>
/// <param name="EnqueuedTime">When Event Hubs accepted the event.</param>
/// <param name="Offset">The event's offset in its partition, for finding it again; may be absent.</param>
/// <param name="Origin">Where the body came from when a file is replayed (<c>odl stream</c>): the file and its line
/// or record; absent for events from Event Hubs, whose dead letters name the line within the body.</param>
public sealed record StreamEvent(
    ReadOnlyMemory<byte> Body,
    long SequenceNumber,
    DateTimeOffset EnqueuedTime,
    string? Offset = null,
    RecordLocation? Origin = null);
