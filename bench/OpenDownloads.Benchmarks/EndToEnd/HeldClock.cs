namespace OpenDownloads.Benchmarks.EndToEnd;

/// <summary>
/// The stream path's clock during the benchmark: held at the log's first request, so every day is open.
/// </summary>
internal sealed class HeldClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
