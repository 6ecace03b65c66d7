namespace OpenDownloads.Counting;

/// <summary>The outcome of a count: what was read and dropped, the downloads, and their totals.</summary>
public sealed class CountReport
{
    /// <summary>Initializes a report; the totals are computed from <paramref name="downloads"/>.</summary>
    public CountReport(long events, long deniedIp, long bots, long rejected, IReadOnlyList<Download> downloads)
    {
        ArgumentNullException.ThrowIfNull(downloads);
        Events = events;
        DeniedIp = deniedIp;
        Bots = bots;
        Rejected = rejected;
        Downloads = downloads;
        ByEpisode = Tally(downloads.Select(d => d.EpisodeId));
        ByApp = Tally(downloads.Select(d => d.App));
        ByHour = downloads
            .GroupBy(d => d.Hour)
            .Select(g => new KeyValuePair<DateTime, long>(g.Key, g.LongCount()))
            .OrderBy(pair => pair.Key)
            .ToList();
    }

    /// <summary>Initializes a report whose totals were already taken from the downloads' compact rows.</summary>
    internal CountReport(
        long events,
        long deniedIp,
        long bots,
        long rejected,
        IReadOnlyList<Download> downloads,
        DownloadTotals totals)
    {
        Events = events;
        DeniedIp = deniedIp;
        Bots = bots;
        Rejected = rejected;
        Downloads = downloads;
        ByEpisode = totals.ByEpisode;
        ByApp = totals.ByApp;
        ByHour = totals.ByHour;
    }

    /// <summary>Gets the number of records read, including the rejected ones.</summary>
    public long Events { get; }

    /// <summary>Gets the number of requests dropped because they came from a datacenter address.</summary>
    public long DeniedIp { get; }

    /// <summary>Gets the number of requests dropped because their user agent is a bot.</summary>
    public long Bots { get; }

    /// <summary>Gets the number of records that could not be read or prepared.</summary>
    public long Rejected { get; }

    /// <summary>Gets the downloads in their stable order.</summary>
    public IReadOnlyList<Download> Downloads { get; }

    /// <summary>Gets the number of downloads.</summary>
    public long Total => Downloads.Count;

    /// <summary>Gets downloads per episode, most first, then by name.</summary>
    public IReadOnlyList<KeyValuePair<string, long>> ByEpisode { get; }

    /// <summary>Gets downloads per app, most first, then by name.</summary>
    public IReadOnlyList<KeyValuePair<string, long>> ByApp { get; }

    /// <summary>Gets downloads per UTC hour, in time order.</summary>
    public IReadOnlyList<KeyValuePair<DateTime, long>> ByHour { get; }

    private static List<KeyValuePair<string, long>> Tally(IEnumerable<string> names) => names
        .GroupBy(name => name, StringComparer.Ordinal)
        .Select(g => new KeyValuePair<string, long>(g.Key, g.LongCount()))
        .OrderByDescending(pair => pair.Value)
        .ThenBy(pair => pair.Key, StringComparer.Ordinal)
        .ToList();
}
