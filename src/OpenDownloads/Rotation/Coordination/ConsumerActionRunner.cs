using System.Diagnostics;
using Microsoft.Extensions.Logging;
using OpenDownloads.Rotation.Actions;
using OpenDownloads.Rotation.Alerts;
using OpenDownloads.Rotation.Arm;
using OpenDownloads.Rotation.Configuration;
using OpenDownloads.Rotation.Consumers;
using OpenDownloads.Rotation.Events;

namespace OpenDownloads.Rotation.Coordination;

/// <summary>
/// The second stage, run for each actions-queue message: waits out the debounce window, takes the consumer (one
/// action at a time), a concurrency slot and the stagger gate, runs the action with escalation, records the
/// changes as handled, and retries later with backoff; after the last attempt it writes the reason to the
/// poison queue and posts one alert.
/// </summary>
internal sealed class ConsumerActionRunner(
    RotationSettings settings,
    RotationStorage storage,
    IChangeLedger ledger,
    ActionExecutor executor,
    IAlertSink alerts,
    TimeProvider time,
    ILogger<ConsumerActionRunner> logger)
{
    private static readonly TimeSpan SlotWait = TimeSpan.FromSeconds(15);
    private readonly ConsumerBatchStore _batches = new(storage.Table);
    private readonly ActionSlots _slots = new(storage.Table, settings.MaxConcurrentActions);
    private readonly StaggerGate _stagger = new(storage.Table, settings.Stagger);

    /// <exception cref="FormatException">The message is not a due message.</exception>
    public async Task RunAsync(BinaryData body, CancellationToken cancellationToken)
    {
        var message = DueMessage.Parse(body);
        await storage.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var consumer = settings.Consumers.Find(message.Consumer);
        var claim = await ClaimAsync(consumer, message, cancellationToken).ConfigureAwait(false);
        if (claim is null || consumer is null)
        {
            return;
        }

        try
        {
            await RunClaimedAsync(consumer, message, claim, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await _slots.ReleaseAsync(claim.Slot, claim.Holder, time.GetUtcNow(), CancellationToken.None).ConfigureAwait(false);
        }
    }

    private async Task<RunClaim?> ClaimAsync(Consumer? consumer, DueMessage message, CancellationToken cancellationToken)
    {
        var holder = $"{message.Consumer}/{message.Generation}/{message.Attempt}/{Guid.NewGuid():N}";
        for (var conflict = 0; conflict < 20; conflict++)
        {
            var batch = await _batches.GetAsync(message.Consumer, cancellationToken).ConfigureAwait(false);
            if (batch is null || batch.Generation != message.Generation || consumer is not { Enabled: true })
            {
                Log.RunStale(logger, message.Consumer, message.Generation);
                return null;
            }

            var now = time.GetUtcNow();
            var wait = batch.CurrentState == BatchState.Open ? batch.DueAt - now : (batch.LeaseUntil ?? now) - now;
            if (wait > TimeSpan.Zero)
            {
                var reason = batch.CurrentState == BatchState.Open ? "the debounce window is open" : "another run holds the consumer";
                return await DeferAsync(message, wait, reason, cancellationToken).ConfigureAwait(false);
            }

            var slot = await _slots.TryAcquireAsync(holder, now, settings.ActionLease, cancellationToken).ConfigureAwait(false);
            if (slot is null)
            {
                return await DeferAsync(message, SlotWait, $"all {settings.MaxConcurrentActions} action slots are held", cancellationToken)
                    .ConfigureAwait(false);
            }

            var stagger = await _stagger.TryPassAsync(now, cancellationToken).ConfigureAwait(false);
            batch.State = nameof(BatchState.Running);
            batch.LeaseUntil = now + settings.ActionLease;
            if (stagger == TimeSpan.Zero && await _batches.TryUpdateAsync(batch, cancellationToken).ConfigureAwait(false))
            {
                return new RunClaim(batch, slot, holder);
            }

            await _slots.ReleaseAsync(slot, holder, now, cancellationToken).ConfigureAwait(false);
            if (stagger > TimeSpan.Zero)
            {
                return await DeferAsync(message, stagger, "staggering action starts", cancellationToken).ConfigureAwait(false);
            }
        }

        throw new InvalidOperationException($"The batch of consumer '{message.Consumer}' kept changing while being claimed.");
    }

    private async Task RunClaimedAsync(Consumer consumer, DueMessage message, RunClaim claim, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var changes = await Pending.FilterAsync(
            ledger, consumer, ChangeListJson.Read(claim.Batch.Changes), logger, cancellationToken).ConfigureAwait(false);
        var progress = new ActionProgress(Enum.TryParse<ConsumerAction>(claim.Batch.Step, out var step) ? step : consumer.Action);
        Log.RunStarting(logger, consumer.Name, message.Attempt, changes.Count);
        string? failure = null;
        var retryable = true;
        if (changes.Count > 0)
        {
            try
            {
                var outcome = await executor.RunAsync(consumer, changes, progress, cancellationToken).ConfigureAwait(false);
                failure = outcome.Succeeded ? null : $"still stale after {outcome.Action}: {outcome.Check.Reason}";
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                failure = ArmFailures.Describe(error);
                retryable = ArmFailures.IsRetryableLater(error);
            }
        }

        if (failure is null)
        {
            await ledger.RecordAsync(changes, consumer.Name, $"Done:{progress.Current}", cancellationToken).ConfigureAwait(false);
            Log.RunSucceeded(logger, consumer.Name, changes.Count, progress.Current.ToString(), Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        else if (retryable && message.Attempt < settings.MaxAttempts)
        {
            var delay = settings.BackoffAfter(message.Attempt);
            Log.RunFailedWillRetry(logger, consumer.Name, message.Attempt, settings.MaxAttempts, failure, delay.TotalMilliseconds);
            await ReopenAsync(claim.Batch, progress.Current, delay, cancellationToken).ConfigureAwait(false);
            await DueQueue.SendAsync(storage, message with { Attempt = message.Attempt + 1 }, delay, cancellationToken)
                .ConfigureAwait(false);
            return;
        }
        else
        {
            await GiveUpAsync(consumer, changes, failure, message.Attempt, progress.Current, cancellationToken).ConfigureAwait(false);
        }

        await FinishAsync(claim.Batch, cancellationToken).ConfigureAwait(false);
    }

    private async Task GiveUpAsync(
        Consumer consumer,
        List<SecretChange> changes,
        string reason,
        int attempts,
        ConsumerAction lastAction,
        CancellationToken cancellationToken)
    {
        Log.RunDeadLettered(logger, consumer.Name, attempts, reason);
        var letter = DeadLetter.For(consumer, changes, reason, attempts, lastAction, time.GetUtcNow());
        await storage.Poison.SendMessageAsync(letter.ToJson(), timeToLive: TimeSpan.FromSeconds(-1), cancellationToken: cancellationToken)
            .ConfigureAwait(false);
        await ledger.RecordAsync(changes, consumer.Name, "Failed", cancellationToken).ConfigureAwait(false);
        var text = $"Consumer {consumer.Name} ({consumer.Resource.Path}) is not on the new value of "
            + $"{string.Join(", ", letter.Changes)} after {attempts} attempt(s); last action {lastAction}. Reason: {reason}. "
            + $"The details are in queue {storage.Poison.Name}.";
        await alerts.PostAsync(new RotationAlert($"Rotation failed for {consumer.Name}", text, AlertSeverity.Error), cancellationToken)
            .ConfigureAwait(false);
    }

    private async Task ReopenAsync(ConsumerBatch batch, ConsumerAction step, TimeSpan delay, CancellationToken cancellationToken)
    {
        for (var conflict = 0; conflict < 20; conflict++)
        {
            batch.Changes = ChangeListJson.Write(ChangeListJson.Union(ChangeListJson.Read(batch.Changes), ChangeListJson.Read(batch.Next)));
            batch.Next = "[]";
            batch.State = nameof(BatchState.Open);
            batch.DueAt = time.GetUtcNow() + delay;
            batch.Step = step.ToString();
            batch.LeaseUntil = null;
            if (await _batches.TryUpdateAsync(batch, cancellationToken).ConfigureAwait(false))
            {
                return;
            }

            batch = await _batches.GetAsync(batch.Consumer, cancellationToken).ConfigureAwait(false) ?? batch;
        }
    }

    /// <summary>Ends the batch, or turns the changes that arrived meanwhile into the next one, with its own message.</summary>
    private async Task FinishAsync(ConsumerBatch batch, CancellationToken cancellationToken)
    {
        for (var conflict = 0; conflict < 20; conflict++)
        {
            var next = ChangeListJson.Read(batch.Next);
            if (next.Count == 0)
            {
                if (await _batches.TryDeleteAsync(batch, cancellationToken).ConfigureAwait(false))
                {
                    return;
                }
            }
            else
            {
                var now = time.GetUtcNow();
                batch.Changes = ChangeListJson.Write(next);
                batch.Next = "[]";
                batch.State = nameof(BatchState.Open);
                batch.DueAt = now + settings.DebounceWindow;
                batch.Generation = Math.Max(batch.Generation + 1, now.UtcTicks);
                batch.Step = null;
                batch.LeaseUntil = null;
                if (await _batches.TryUpdateAsync(batch, cancellationToken).ConfigureAwait(false))
                {
                    var message = new DueMessage(batch.Consumer, batch.Generation, 1);
                    await DueQueue.SendAsync(storage, message, settings.DebounceWindow, cancellationToken).ConfigureAwait(false);
                    return;
                }
            }

            batch = await _batches.GetAsync(batch.Consumer, cancellationToken).ConfigureAwait(false) ?? batch;
        }
    }

    private async Task<RunClaim?> DeferAsync(DueMessage message, TimeSpan delay, string reason, CancellationToken cancellationToken)
    {
        Log.RunDeferred(logger, message.Consumer, reason, delay.TotalMilliseconds);
        await DueQueue.SendAsync(storage, message, delay, cancellationToken).ConfigureAwait(false);
        return null;
    }
}
