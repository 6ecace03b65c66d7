using OpenDownloads.Counting.Readers;
using OpenDownloads.Streaming.Input;

namespace OpenDownloads.Streaming.Output;

/// <summary>
/// A record the stream path could not count, with where it came from and why. Its fields are those the reader
/// found, less the raw IP, which is never stored.
/// </summary>
/// <param name="SequenceNumber">The sequence number of the event that carried it.</param>
/// <param name="Offset">The event's offset, when known.</param>
/// <param name="EnqueuedTime">When the event was enqueued.</param>
/// <param name="Location">The record's place in the event body (line or record number).</param>
/// <param name="Reason">One sentence saying what was wrong.</param>
/// <param name="Record">The record as read, or null when nothing could be read.</param>
/// <param name="Origin">The file and line the event's body came from, when a file is replayed.</param>
/// <param name="IsLate">Whether the record was valid but came after its day closed, rather than rejected.</param>
internal sealed record DeadLetter(
    long SequenceNumber,
    string? Offset,
    DateTimeOffset EnqueuedTime,
    RecordLocation Location,
    string Reason,
    RawRecord? Record,
    RecordLocation? Origin = null,
    bool IsLate = false)
{
    /// <summary>Returns the dead letter of <paramref name="record"/>, read from
    /// <paramref name="streamEvent"/>.</summary>
    public static DeadLetter For(StreamEvent streamEvent, RawRecord record, string reason) => new(
        streamEvent.SequenceNumber,
        streamEvent.Offset,
        streamEvent.EnqueuedTime,
        record.Location,
        reason,
        record.ReadError is null ? record : null,
        streamEvent.Origin);
}
