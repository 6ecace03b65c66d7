using Azure.Storage.Queues;

namespace OpenDownloads.Rotation.Coordination;

/// <summary>Sends due messages that stay invisible until their time (queues allow at most seven days).</summary>
internal static class DueQueue
{
    private static readonly TimeSpan MaxDelay = TimeSpan.FromDays(7) - TimeSpan.FromMinutes(1);

    public static async Task SendAsync(QueueClient queue, DueMessage message, TimeSpan delay, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(queue);
        ArgumentNullException.ThrowIfNull(message);
        var visibility = delay <= TimeSpan.Zero ? TimeSpan.Zero : delay > MaxDelay ? MaxDelay : delay;
        await queue.SendMessageAsync(message.ToJson(), visibility, timeToLive: TimeSpan.FromSeconds(-1), cancellationToken)
            .ConfigureAwait(false);
    }
}
