using OpenDownloads.Streaming.Input;

namespace OpenDownloads.Streaming.Replay;

/// <summary>One call of the handler as Event Hubs would make it: a batch of one partition's events, in order.</summary>
/// <param name="PartitionId">The partition.</param>
/// <param name="Events">The batch.</param>
/// <param name="IsRedelivery">Whether the batch was delivered before.</param>
/// <param name="NotBefore">The latest close time the batch's bodies arrived after (see
/// <see cref="DeliveryOptions.CloseTimes"/>): the clock reads at least this when the batch comes.</param>
public sealed record Delivery(
    string PartitionId,
    IReadOnlyList<StreamEvent> Events,
    bool IsRedelivery,
    DateTimeOffset? NotBefore = null);
