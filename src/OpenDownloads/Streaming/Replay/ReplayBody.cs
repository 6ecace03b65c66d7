using OpenDownloads.Counting.Readers;

namespace OpenDownloads.Streaming.Replay;

/// <summary>An event body read from a file for a replay, with where it came from and when it was sent.</summary>
/// <param name="Body">The body a producer would send.</param>
/// <param name="Origin">The file and line (or record) it came from.</param>
/// <param name="SentAt">When it is enqueued in the replay: its latest request's time, or null when it has none.</param>
/// <param name="ReadError">Why the file's reader could not read the record; the body is then empty.</param>
public sealed record ReplayBody(
    ReadOnlyMemory<byte> Body,
    RecordLocation? Origin,
    DateTimeOffset? SentAt,
    string? ReadError = null);
