namespace OpenDownloads.Cli.Streaming;

/// <summary>
/// The stream path's clock while a log is replayed: held at the log's first request, so every day stays open
/// however the requests are shuffled, then moved past every day's close so the closer closes them all.
/// </summary>
internal sealed class ReplayClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow() => _now;

    public void MoveTo(DateTimeOffset now) => _now = now;
}
