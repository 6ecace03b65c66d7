using OpenDownloads.Rotation.Arm;
using OpenDownloads.Rotation.Consumers;
using OpenDownloads.Rotation.Events;

namespace OpenDownloads.Rotation.Actions;

/// <summary>The ARM calls of one consumer kind: plan, apply and check each action.</summary>
internal interface IConsumerOperator
{
    /// <summary>The calls <paramref name="action"/> and its outcome check would make, for a dry run.</summary>
    IReadOnlyList<ArmCall> Plan(Consumer consumer, ConsumerAction action);

    Task<AppliedAction> ApplyAsync(Consumer consumer, ConsumerAction action, CancellationToken cancellationToken);

    Task<OutcomeCheck> CheckAsync(
        Consumer consumer,
        AppliedAction applied,
        IReadOnlyList<SecretChange> changes,
        CancellationToken cancellationToken);
}
