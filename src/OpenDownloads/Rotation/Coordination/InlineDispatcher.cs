using Microsoft.Extensions.Logging;
using OpenDownloads.Rotation.Actions;
using OpenDownloads.Rotation.Consumers;
using OpenDownloads.Rotation.Events;

namespace OpenDownloads.Rotation.Coordination;

/// <summary>
/// Runs each consumer's action at once, without a debounce window or queue: what odl rotation simulate does with
/// one event file (all its events for one consumer give one action). A stale outcome at the top fails the run.
/// </summary>
internal sealed class InlineDispatcher(IChangeLedger ledger, ActionExecutor executor, ILogger<InlineDispatcher> logger)
    : IConsumerDispatcher
{
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

        var outcome = await executor.RunAsync(consumer, pending, new ActionProgress(consumer.Action), cancellationToken)
            .ConfigureAwait(false);
        if (outcome.Check.IsBlocked)
        {
            // The same wording as the queue path's dead letter, which the simulate run's alert repeats.
            throw new InvalidOperationException($"blocked after {outcome.Action}: {outcome.Check.Reason}");
        }

        if (!outcome.Succeeded)
        {
            throw new InvalidOperationException($"still stale after {outcome.Action}: {outcome.Check.Reason}");
        }

        await ledger.RecordAsync(pending, consumer.Name, $"Done:{outcome.Action}", cancellationToken)
            .ConfigureAwait(false);
    }
}
