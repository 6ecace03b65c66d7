namespace OpenDownloads.Streaming.Input;

/// <summary>One event from an Event Hubs partition: its body and where it sits in the partition.</summary>
/// <param name="Body">The event body as the producer sent it.</param>
/// <param name="SequenceNumber">The event's sequence number in its partition; redelivery repeats it.</param>
/// <param name="EnqueuedTime">When Event Hubs accepted the event.</param>
/// <param name="Offset">The event's offset in its partition, for finding it again; may be absent.</param>
public sealed record StreamEvent(
    ReadOnlyMemory<byte> Body,
    long SequenceNumber,
    DateTimeOffset EnqueuedTime,
    string? Offset = null);
