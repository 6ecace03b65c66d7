using OpenDownloads.Rotation.Arm;
using OpenDownloads.Rotation.Consumers;
using OpenDownloads.Rotation.Events;

namespace OpenDownloads.Rotation.Actions;

/// <summary>
/// App Service sites and slots: refresh Key Vault references, soft restart or restart, then read the references'
/// status (config/configreferences/appsettings), which carries no secret values. A value changed twice in one
/// batch is checked against its newest version only (<see cref="NewestChanges"/>).
/// </summary>
internal sealed class AppServiceOperator(IArmClient arm) : IConsumerOperator
{
    public IReadOnlyList<ArmCall> Plan(Consumer consumer, ConsumerAction action)
    {
        ArgumentNullException.ThrowIfNull(consumer);
        return [AppServiceCalls.For(consumer.Resource, action), AppServiceCalls.ReadReferences(consumer.Resource)];
    }

    public async Task<AppliedAction> ApplyAsync(
        Consumer consumer,
        ConsumerAction action,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(consumer);
        await arm.SendAsync(AppServiceCalls.For(consumer.Resource, action), cancellationToken).ConfigureAwait(false);
        return new AppliedAction(action);
    }

    public async Task<OutcomeCheck> CheckAsync(
        Consumer consumer,
        AppliedAction applied,
        IReadOnlyList<SecretChange> changes,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(consumer);
        ArgumentNullException.ThrowIfNull(applied);
        ArgumentNullException.ThrowIfNull(changes);
        var references = await KeyVaultReferenceStatus.ReadAllAsync(arm, consumer.Resource, cancellationToken)
            .ConfigureAwait(false);
        var refreshOnly = applied.Action == ConsumerAction.RefreshReferences;
        var outcome = new OutcomeCheck(Freshness.Fresh, "every changed reference resolved to its new version");
        foreach (var candidates in NewestChanges.Of(changes))
        {
            var best = Check(candidates[0], references, refreshOnly);
            foreach (var candidate in candidates.Skip(1))
            {
                best = best.Best(Check(candidate, references, refreshOnly));
            }

            outcome = outcome.Worst(best);
        }

        return outcome;
    }

    private static OutcomeCheck Check(
        SecretChange change,
        IReadOnlyList<KeyVaultReferenceStatus> references,
        bool refreshOnly)
    {
        if (change.Store.Kind == SecretStoreKind.AppConfiguration)
        {
            // A reference refresh re-reads Key Vault references only; a restart is what makes an app re-read
            // App Configuration, and ARM cannot show what the app read.
            return refreshOnly
                ? new OutcomeCheck(Freshness.Stale, $"a reference refresh cannot bring in {change.Key}")
                : new OutcomeCheck(Freshness.Unknown, $"ARM cannot show whether the app re-read {change.Key}");
        }

        var matching = references.Where(reference => reference.Refers(change)).ToList();
        if (matching.Count == 0)
        {
            return refreshOnly
                ? new OutcomeCheck(Freshness.Stale, $"no Key Vault reference to "
                    + $"{change.Store.Name}/{change.Name} to refresh")
                : new OutcomeCheck(Freshness.Unknown, $"no Key Vault reference to "
                    + $"{change.Store.Name}/{change.Name} to read");
        }

        var outcome = new OutcomeCheck(Freshness.Fresh, "resolved");
        foreach (var reference in matching)
        {
            outcome = outcome.Worst(reference.Check(change));
        }

        return outcome;
    }
}
