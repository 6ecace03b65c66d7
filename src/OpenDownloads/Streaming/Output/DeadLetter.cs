using OpenDownloads.Counting.Readers;

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
internal sealed record DeadLetter(
    long SequenceNumber,
    string? Offset,
    DateTimeOffset EnqueuedTime,
    RecordLocation Location,
    string Reason,
    RawRecord? Record);
