using Microsoft.Extensions.Logging;
using OpenDownloads.Rotation.Configuration;
using OpenDownloads.Rotation.Consumers;
using OpenDownloads.Rotation.Events;

namespace OpenDownloads.Rotation.Coordination;

/// <summary>
/// The Functions path: drops changes already handled, adds the rest to the consumer's batch, and when that opens
/// a new batch, queues its due message to appear when the debounce window ends.
/// </summary>
internal sealed class QueuedDispatcher(
    RotationSettings settings,
    RotationStorage storage,
    IChangeLedger ledger,
    TimeProvider time,
    ILogger<QueuedDispatcher> logger) : IConsumerDispatcher
{
    private readonly ConsumerBatchStore _batches = new(storage.Table);

    public async Task DispatchAsync(
        Consumer consumer,
        IReadOnlyList<SecretChange> changes,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(consumer);
        var pending = await Pending.FilterAsync(ledger, consumer, changes, logger, cancellationToken)
            .ConfigureAwait(false);
        if (pending.Count == 0)
        {
            return;
        }

        await storage.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var now = time.GetUtcNow();
        var join = await _batches.AddAsync(consumer.Name, pending, now, settings.DebounceWindow, cancellationToken)
            .ConfigureAwait(false);
        foreach (var change in pending)
        {
            Log.ChangeQueued(logger, consumer.Name, change.PrintableKey, join.DueAt);
        }

        // A batch whose message was lost (the send failed after the row was written) is overdue by far more than
        // an action may take; joining it sends its message again, which is harmless if the first one still exists.
        var lost = !join.Opened && join.DueAt + settings.ActionLease < now;
        if (join.Opened || lost)
        {
            var message = new DueMessage(consumer.Name, join.Generation, 1);
            await DueQueue.SendAsync(storage, message, join.DueAt - now, cancellationToken).ConfigureAwait(false);
        }
    }
}
