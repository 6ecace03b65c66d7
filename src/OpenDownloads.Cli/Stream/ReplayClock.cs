namespace OpenDownloads.Cli.Streaming;

/// <summary>
/// The stream path's clock while a log is replayed: it starts at the log's first request and follows the
/// requests, moving forward to the latest time each delivery carries and never back, so a day stops taking
/// requests and closes during the replay once its lateness has passed, as it would in the service.
/// </summary>
internal sealed class ReplayClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow() => _now;

    /// <summary>Moves the clock to <paramref name="time"/> when that is later; an earlier time changes
    /// nothing.</summary>
    public void MoveForwardTo(DateTimeOffset time)
    {
        if (time > _now)
        {
            _now = time;
        }
    }
}
