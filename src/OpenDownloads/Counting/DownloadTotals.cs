using OpenDownloads.Agents;
using OpenDownloads.Counting.Groups;

namespace OpenDownloads.Counting;

/// <summary>
/// A count's totals (per episode, app and UTC hour) taken from its compact rows and their groups, so that no
/// <see cref="Download"/> has to be made for them. Ordered as <see cref="CountReport"/> orders its own.
/// </summary>
internal sealed record DownloadTotals(
    IReadOnlyList<KeyValuePair<string, long>> ByEpisode,
    IReadOnlyList<KeyValuePair<string, long>> ByApp,
    IReadOnlyList<KeyValuePair<DateTime, long>> ByHour)
{
    public static DownloadTotals Of(
        ReadOnlySpan<DownloadRow> rows,
        ListenerGroupTable groups,
        Func<int, string> episode,
        Func<int, PlayerInfo> player)
    {
        var episodes = new Dictionary<int, long>();
        var apps = new Dictionary<int, long>();
        var hours = new Dictionary<long, long>();
        foreach (var row in rows)
        {
            ref readonly var group = ref groups[row.Group];
            Increment(episodes, group.EpisodeId);
            Increment(apps, group.UserAgentId);
            Increment(hours, row.EarliestTicks - (row.EarliestTicks % TimeSpan.TicksPerHour));
        }

        // Several user agents may name one app: their counts add up under the name.
        var byApp = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var (agentId, count) in apps)
        {
            Increment(byApp, player(agentId).DisplayApp, count);
        }

        return new DownloadTotals(
            MostFirst(episodes.Select(pair => KeyValuePair.Create(episode(pair.Key), pair.Value))),
            MostFirst(byApp),
            [.. hours.OrderBy(pair => pair.Key)
                .Select(pair => new KeyValuePair<DateTime, long>(new DateTime(pair.Key, DateTimeKind.Utc), pair.Value))]);
    }

    private static List<KeyValuePair<string, long>> MostFirst(IEnumerable<KeyValuePair<string, long>> counts) =>
    [
        .. counts
            .OrderByDescending(pair => pair.Value)
            .ThenBy(pair => pair.Key, StringComparer.Ordinal),
    ];

    private static void Increment<TKey>(Dictionary<TKey, long> counts, TKey key, long by = 1)
        where TKey : notnull
    {
        counts[key] = counts.GetValueOrDefault(key) + by;
    }
}
