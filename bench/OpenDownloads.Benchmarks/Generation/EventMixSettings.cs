namespace OpenDownloads.Benchmarks.Generation;

/// <summary>The shape of a generated log: how many requests, from whom, for what, and when.</summary>
internal sealed record EventMixSettings
{
    /// <summary>Gets the seed; the same seed and settings give the same events, byte for byte.</summary>
    public int Seed { get; init; } = 7;

    /// <summary>Gets the number of requests.</summary>
    public int Events { get; init; } = 5_000_000;

    /// <summary>Gets the number of distinct episodes.</summary>
    public int Episodes { get; init; } = 400;

    /// <summary>
    /// Gets the number of distinct listeners (an address and a user agent); 0 means one per 6 events.
    /// </summary>
    public int Listeners { get; init; }

    /// <summary>Gets the share of sessions from datacenter addresses.</summary>
    public double DatacenterShare { get; init; } = 0.12;

    /// <summary>Gets the share of clients with an IPv6 address.</summary>
    public double Ipv6Share { get; init; } = 0.3;

    /// <summary>Gets the first second of the log; it spans <see cref="Days"/> days from there.</summary>
    public DateTimeOffset Start { get; init; } = new(2026, 11, 2, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Gets the number of days the log covers.</summary>
    public int Days { get; init; } = 2;

    /// <summary>Gets the listener count to use.</summary>
    public int ListenerCount => Listeners > 0 ? Listeners : Math.Max(1, Events / 6);
}
