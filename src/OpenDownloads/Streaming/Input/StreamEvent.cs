using OpenDownloads.Counting.Readers;

namespace OpenDownloads.Streaming.Input;

/// <summary>One event from an Event Hubs partition: its body and where it sits in the partition.</summary>
/// <param name="Body">The event body as the producer sent it.</param>
/// <param name="SequenceNumber">The event's sequence number in its partition; redelivery repeats it.</param>
/// <param name="EnqueuedTime">When Event Hubs accepted the event.</param>
/// <param name="Offset">The event's offset in its partition, for finding it again; may be absent.</param>
/// <param name="Origin">Where the body came from when a file is replayed (<c>odl stream</c>): the file and its line
/// or record; absent for events from Event Hubs, whose dead letters name the line within the body.</param>
/// <param name="ReadError">Why the replayed file's reader could not read the record this event stands for (a CSV
/// row with the wrong number of fields, a cut Avro block, a file that is not what it claims); the stream path
/// rejects and dead-letters it with this reason. Always absent for events from Event Hubs.</param>
public sealed record StreamEvent(
    ReadOnlyMemory<byte> Body,
    long SequenceNumber,
    DateTimeOffset EnqueuedTime,
    string? Offset = null,
    RecordLocation? Origin = null,
    string? ReadError = null);
