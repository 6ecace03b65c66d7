namespace OpenDownloads.Benchmarks.Generation;

/// <summary>What a generated log holds, counted as it is written, to check it is the mix it claims to be.</summary>
internal sealed class EventMixTally
{
    private readonly HashSet<string> _agents = new(StringComparer.Ordinal);
    private readonly HashSet<string> _episodes = new(StringComparer.Ordinal);

    public long Events { get; private set; }

    public long DatacenterEvents { get; private set; }

    public long Ipv6Events { get; private set; }

    public long Probes { get; private set; }

    public long Ranges { get; private set; }

    public int DistinctAgents => _agents.Count;

    public int DistinctEpisodes => _episodes.Count;

    /// <summary>Counts each event as it passes.</summary>
    public IEnumerable<GeneratedEvent> Observe(IEnumerable<GeneratedEvent> events)
    {
        foreach (var e in events)
        {
            Events++;
            DatacenterEvents += e.IsDatacenter ? 1 : 0;
            Ipv6Events += e.IsIpv6 ? 1 : 0;
            Probes += e is { RangeStart: 0, RangeEnd: 1 } ? 1 : 0;
            Ranges += e.RangeStart is not null ? 1 : 0;
            _agents.Add(e.UserAgent);
            _episodes.Add(e.EpisodeId);
            yield return e;
        }
    }

    public override string ToString() =>
        $"{Events:N0} events, {100.0 * DatacenterEvents / Math.Max(1, Events):0.0} % datacenter, "
        + $"{100.0 * Ipv6Events / Math.Max(1, Events):0.0} % IPv6, {100.0 * Ranges / Math.Max(1, Events):0.0} % ranges "
        + $"({100.0 * Probes / Math.Max(1, Events):0.0} % probes), {DistinctAgents:N0} user agents, "
        + $"{DistinctEpisodes:N0} episodes";
}
