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
/// The second stage, run for each actions-queue message: claims the consumer's batch (see
/// <see cref="BatchClaimer"/>), runs the action with escalation, records the changes as handled, and tries again
/// later with backoff; after the last attempt it writes the reason to the poison queue and posts one alert.
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
    private readonly ConsumerBatchStore _batches = new(storage.Table);
    private readonly BatchClaimer _claimer = new(settings, storage, time);

    /// <exception cref="FormatException">The message is not a due message.</exception>
    public async Task RunAsync(BinaryData body, CancellationToken cancellationToken)
    {
        var message = DueMessage.Parse(body);
        await storage.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var consumer = settings.Consumers.Find(message.Consumer);
        var outcome = consumer is { Enabled: true }
            ? await _claimer.TryClaimAsync(message, cancellationToken).ConfigureAwait(false)
            : ClaimOutcome.Stale;
        if (outcome.Claim is not { } claim)
        {
            await DeferAsync(message, outcome, cancellationToken).ConfigureAwait(false);
            return;
        }

        try
        {
            await RunClaimedAsync(consumer!, message, claim, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await _claimer.ReleaseAsync(claim, CancellationToken.None).ConfigureAwait(false);
        }
    }

    private async Task RunClaimedAsync(
        Consumer consumer,
        DueMessage message,
        RunClaim claim,
        CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var held = ChangeListJson.Read(claim.Batch.Changes);
        var changes = await Pending.FilterAsync(ledger, consumer, held, logger, cancellationToken)
            .ConfigureAwait(false);
        var resumeAt = Enum.TryParse<ConsumerAction>(claim.Batch.Step, out var step) ? step : consumer.Action;
        var progress = new ActionProgress(resumeAt);
        Log.RunStarting(logger, consumer.Name, message.Attempt, changes.Count);
        var (failure, retryable) = await TryRunAsync(consumer, changes, progress, cancellationToken)
            .ConfigureAwait(false);
        if (failure is null)
        {
            var elapsedMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            await ledger.RecordAsync(changes, consumer.Name, $"Done:{progress.Current}", cancellationToken)
                .ConfigureAwait(false);
            Log.RunSucceeded(logger, consumer.Name, changes.Count, progress.Current.ToString(), elapsedMs);
        }
        else if (retryable && message.Attempt < settings.MaxAttempts)
        {
            var delay = settings.BackoffAfter(message.Attempt);
            var delayMs = delay.TotalMilliseconds;
            Log.RunFailedWillRetry(logger, consumer.Name, message.Attempt, settings.MaxAttempts, failure, delayMs);
            var dueAt = time.GetUtcNow() + delay;
            await _batches.ReopenAsync(claim.Batch, progress.Current.ToString(), dueAt, cancellationToken)
                .ConfigureAwait(false);
            var retry = message with { Attempt = message.Attempt + 1 };
            await DueQueue.SendAsync(storage, retry, delay, cancellationToken).ConfigureAwait(false);
            return;
        }
        else
        {
            var now = time.GetUtcNow();
            var letter = DeadLetter.For(consumer, changes, failure, message.Attempt, progress.Current, now);
            await GiveUpAsync(consumer, changes, letter, cancellationToken).ConfigureAwait(false);
        }

        var nextDue = time.GetUtcNow() + settings.DebounceWindow;
        var generation = await _batches.CompleteAsync(claim.Batch, nextDue, cancellationToken).ConfigureAwait(false);
        if (generation is not null)
        {
            var next = new DueMessage(consumer.Name, generation.Value, 1);
            await DueQueue.SendAsync(storage, next, settings.DebounceWindow, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Runs the action; returns null on success, else the reason and whether a later attempt may help.
    /// </summary>
    private async Task<(string? Failure, bool Retryable)> TryRunAsync(
        Consumer consumer,
        List<SecretChange> changes,
        ActionProgress progress,
        CancellationToken cancellationToken)
    {
        if (changes.Count == 0)
        {
            return (null, false);
        }

        try
        {
            var outcome = await executor.RunAsync(consumer, changes, progress, cancellationToken).ConfigureAwait(false);
            if (outcome.Check.IsBlocked)
            {
                return ($"blocked after {outcome.Action}: {outcome.Check.Reason}", false);
            }

            return outcome.Succeeded ? (null, false) : ($"still stale after {outcome.Action}: "
                + $"{outcome.Check.Reason}", true);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            return (ArmFailures.Describe(error, consumer.Kind), ArmFailures.IsRetryableLater(error));
        }
    }

    private async Task GiveUpAsync(
        Consumer consumer,
        List<SecretChange> changes,
        DeadLetter letter,
        CancellationToken cancellationToken)
    {
        Log.RunDeadLettered(logger, consumer.Name, letter.Attempts, letter.Reason);
        var forever = TimeSpan.FromSeconds(-1);
        await storage.Poison
            .SendMessageAsync(letter.ToJson(), timeToLive: forever, cancellationToken: cancellationToken)
            .ConfigureAwait(false);
        await ledger.RecordAsync(changes, consumer.Name, "Failed", cancellationToken).ConfigureAwait(false);
        var text = $"Consumer {consumer.Name} ({letter.Resource}) is not on the new value of "
            + $"{string.Join(", ", letter.Changes)} after {letter.Attempts} attempt(s); last action "
                + $"{letter.LastAction}. "
            + $"Reason: {letter.Reason}. The details are in queue {storage.Poison.Name}.";
        var alert = new RotationAlert($"Rotation failed for {consumer.Name}", text, AlertSeverity.Error);
        await alerts.PostAsync(alert, cancellationToken).ConfigureAwait(false);
    }

    private async Task DeferAsync(DueMessage message, ClaimOutcome outcome, CancellationToken cancellationToken)
    {
        if (outcome.IsStale)
        {
            Log.RunStale(logger, message.Consumer, message.Generation);
            return;
        }

        Log.RunDeferred(logger, message.Consumer, outcome.Reason, outcome.Wait.TotalMilliseconds);
        await DueQueue.SendAsync(storage, message, outcome.Wait, cancellationToken).ConfigureAwait(false);
    }
}
