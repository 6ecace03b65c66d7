using Azure;
using Azure.Data.Tables;

namespace OpenDownloads.Rotation.Coordination;

/// <summary>
/// A consumer's pending changes (partition "batch", row the consumer). While Open, new changes join
/// <see cref="Changes"/> (the debounce); while Running, they wait in <see cref="Next"/> for the following action,
/// so one consumer has one action at a time. Every write is conditional on the ETag.
/// </summary>
internal sealed class ConsumerBatch : ITableEntity
{
    public const string Partition = "batch";

    public string PartitionKey { get; set; } = Partition;

    public string RowKey { get; set; } = string.Empty;

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public string Consumer { get; set; } = string.Empty;

    /// <summary>JSON list of the changes the next action brings the consumer onto.</summary>
    public string Changes { get; set; } = "[]";

    /// <summary>JSON list of changes that arrived while an action ran.</summary>
    public string Next { get; set; } = "[]";

    public string State { get; set; } = nameof(BatchState.Open);

    public DateTimeOffset DueAt { get; set; }

    /// <summary>Identifies this batch in its queue messages; a message of an older generation is stale.</summary>
    public long Generation { get; set; }

    /// <summary>The action a later attempt resumes at (after an escalation), or empty for the consumer's own.</summary>
    public string? Step { get; set; }

    public DateTimeOffset? LeaseUntil { get; set; }

    public BatchState CurrentState => Enum.Parse<BatchState>(State);
}
