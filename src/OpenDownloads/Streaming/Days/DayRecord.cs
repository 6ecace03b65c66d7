using Azure;

namespace OpenDownloads.Streaming.Days;

/// <summary>What the state table holds about a day: the salt its IPs are hashed with while it is open, when it
/// closes, and whether it has.</summary>
/// <param name="Day">The day.</param>
/// <param name="Salt">The salt in effect when the day opened; removed when it closes.</param>
/// <param name="CloseAt">When late requests stop being accepted: the window's end plus the lateness.</param>
/// <param name="IsClosed">Whether the day's files have been written.</param>
/// <param name="ETag">The row's ETag, for conditional updates.</param>
internal sealed record DayRecord(StreamDay Day, string? Salt, DateTimeOffset CloseAt, bool IsClosed, ETag ETag)
{
    /// <summary>Returns whether a request for this day arriving at <paramref name="now"/> is still counted.</summary>
    public bool Accepts(DateTimeOffset now) => !IsClosed && now < CloseAt;
}
