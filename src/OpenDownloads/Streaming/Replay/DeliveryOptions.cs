namespace OpenDownloads.Streaming.Replay;

/// <summary>How <see cref="DeliveryPlanner"/> splits bodies into deliveries.</summary>
public sealed record DeliveryOptions
{
    /// <summary>Gets the number of partitions.</summary>
    public int Partitions { get; init; } = 4;

    /// <summary>Gets the most events in one batch.</summary>
    public int BatchSize { get; init; } = 100;

    /// <summary>Gets the fraction of batches delivered a second time, from 0 to 1.</summary>
    public double RedeliverFraction { get; init; }

    /// <summary>Gets whether bodies and batches come in a random order.</summary>
    public bool Shuffle { get; init; }

    /// <summary>Gets the time every event is stamped as enqueued.</summary>
    public DateTimeOffset EnqueuedTime { get; init; } = DateTimeOffset.UnixEpoch;

    /// <summary>
    /// Gets the times at which days stop taking requests, in ascending order. Unless <see cref="Shuffle"/> is set,
    /// no batch spans one, and every body that arrives (in body order) before one is delivered before any that
    /// arrives after it, so a log in time order has no late requests however it is cut into batches.
    /// </summary>
    public IReadOnlyList<DateTimeOffset> CloseTimes { get; init; } = [];
}
