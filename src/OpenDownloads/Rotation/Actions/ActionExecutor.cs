using Microsoft.Extensions.Logging;
using OpenDownloads.Rotation.Configuration;
using OpenDownloads.Rotation.Consumers;
using OpenDownloads.Rotation.Events;

namespace OpenDownloads.Rotation.Actions;

/// <summary>
/// Runs a consumer's action, reads the outcome (again while it is pending), and escalates one step while it is
/// stale: refresh, then soft restart, then restart; restart, then new revision. A blocked outcome (a reference the
/// app is denied) stops the ladder at once.
/// </summary>
internal sealed class ActionExecutor(
    IConsumerOperator appService,
    IConsumerOperator containerApp,
    RotationSettings settings,
    TimeProvider time,
    ILogger<ActionExecutor> logger)
{
    public IConsumerOperator OperatorFor(Consumer consumer)
    {
        ArgumentNullException.ThrowIfNull(consumer);
        return consumer.Kind == ConsumerKind.AppService ? appService : containerApp;
    }

    /// <exception cref="Azure.RequestFailedException">An ARM call failed after the pipeline's retries.</exception>
    public async Task<ActionOutcome> RunAsync(
        Consumer consumer,
        IReadOnlyList<SecretChange> changes,
        ActionProgress progress,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(consumer);
        ArgumentNullException.ThrowIfNull(progress);
        var target = OperatorFor(consumer);
        while (true)
        {
            var action = progress.Current;
            Log.ActionStarting(logger, consumer.Name, action.ToString(), consumer.Resource.Path);
            var applied = await target.ApplyAsync(consumer, action, cancellationToken).ConfigureAwait(false);
            var check = await CheckAsync(target, consumer, applied, changes, cancellationToken).ConfigureAwait(false);
            Log.ActionChecked(logger, consumer.Name, action.ToString(), check.Freshness.ToString(), check.Reason);
            var next = ActionLadder.Next(consumer.Kind, action);
            if (check.IsDone || check.IsBlocked || next is null)
            {
                return new ActionOutcome(action, check);
            }

            Log.ActionEscalating(logger, consumer.Name, action.ToString(), next.Value.ToString());
            progress.Current = next.Value;
        }
    }

    private async Task<OutcomeCheck> CheckAsync(
        IConsumerOperator target,
        Consumer consumer,
        AppliedAction applied,
        IReadOnlyList<SecretChange> changes,
        CancellationToken cancellationToken)
    {
        var check = default(OutcomeCheck);
        for (var read = 1; read <= settings.VerifyAttempts; read++)
        {
            if (read > 1)
            {
                await Task.Delay(settings.VerifyDelay, time, cancellationToken).ConfigureAwait(false);
            }

            check = await target.CheckAsync(consumer, applied, changes, cancellationToken).ConfigureAwait(false);
            if (check.Freshness != Freshness.Pending)
            {
                return check;
            }
        }

        var reads = settings.VerifyAttempts == 1 ? "1 read" : $"{settings.VerifyAttempts} reads";
        return check with { Freshness = Freshness.Stale, Reason = $"still pending after {reads}: {check.Reason}" };
    }
}
