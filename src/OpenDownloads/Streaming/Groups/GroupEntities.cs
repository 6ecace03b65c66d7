using Azure.Data.Tables;

namespace OpenDownloads.Streaming.Groups;

/// <summary>How a listener group is written as a table row.</summary>
internal static class GroupEntities
{
    public static TableEntity ToEntity(GroupKey key, GroupState state) => new(key.PartitionKey, key.RowKey)
    {
        ["Ip"] = key.EncodedIp,
        ["Agent"] = key.UserAgent,
        ["Episode"] = key.EpisodeId,
        ["Referer"] = state.EarliestReferer,
        ["Earliest"] = state.EarliestTicks,
        ["Qualifies"] = state.Qualifies,
    };

    public static GroupState StateOf(TableEntity entity) => new(
        entity.GetBoolean("Qualifies") ?? false,
        entity.GetInt64("Earliest") ?? long.MaxValue,
        entity.GetString("Referer") ?? string.Empty);

    public static StoredGroup FromEntity(TableEntity entity) => new(
        entity.GetString("Ip") ?? string.Empty,
        entity.GetString("Agent") ?? string.Empty,
        entity.GetString("Episode") ?? string.Empty,
        StateOf(entity));

    /// <summary>A rough size of the row in a transaction body, to stay well inside the 4 MB a transaction
    /// allows.</summary>
    public static int ApproximateChars(GroupKey key, GroupState state) =>
        key.EncodedIp.Length + key.UserAgent.Length + key.EpisodeId.Length + state.EarliestReferer.Length + 400;
}
