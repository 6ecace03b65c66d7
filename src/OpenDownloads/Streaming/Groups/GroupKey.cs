using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using OpenDownloads.Streaming.Days;

namespace OpenDownloads.Streaming.Groups;

/// <summary>
/// oDL's listener group (encoded IP, user agent, episode, day) and where the state table keeps it: a row named by
/// the SHA-256 of the three strings, in one of <see cref="ShardCount"/> partitions of the day, so a batch's writes
/// go out as a few transactions of up to 100 rows and no single partition takes a whole day's traffic.
/// </summary>
internal sealed record GroupKey(StreamDay Day, string EncodedIp, string UserAgent, string EpisodeId)
{
    public const int ShardCount = 16;

    private string? _rowKey;

    public string RowKey => _rowKey ??= Hash(EncodedIp, UserAgent, EpisodeId);

    public string PartitionKey => PartitionOf(Day, RowKey[0]);

    public static string PartitionOf(StreamDay day, char shard) => $"g{day.Key}-{shard}";

    public static IEnumerable<string> Partitions(StreamDay day) =>
        Enumerable.Range(0, ShardCount).Select(i => PartitionOf(day, i.ToString("x", CultureInfo.InvariantCulture)[0]));

    // Lengths first, so no choice of strings can make two different groups share a row.
    private static string Hash(string ip, string agent, string episode) => Convert.ToHexStringLower(
        SHA256.HashData(Encoding.UTF8.GetBytes(string.Create(
            CultureInfo.InvariantCulture, $"{ip.Length}:{ip}{agent.Length}:{agent}{episode.Length}:{episode}"))));
}
