using OpenDownloads.Rotation.Configuration;

namespace OpenDownloads.Rotation.Coordination;

/// <summary>
/// Claims a due batch for one run: the debounce window must be over, no other run may hold the consumer, a
/// concurrency slot must be free and the stagger gate open. The claim is the batch set to Running with a lease.
/// </summary>
internal sealed class BatchClaimer(RotationSettings settings, RotationStorage storage, TimeProvider time)
{
    private const int MaxConflicts = 20;
    private static readonly TimeSpan SlotWait = TimeSpan.FromSeconds(15);
    private readonly ConsumerBatchStore _batches = new(storage.Table);
    private readonly ActionSlots _slots = new(storage.Table, settings.MaxConcurrentActions);
    private readonly StaggerGate _stagger = new(storage.Table, settings.Stagger);

    public async Task<ClaimOutcome> TryClaimAsync(DueMessage message, CancellationToken cancellationToken)
    {
        var holder = $"{message.Consumer}/{message.Generation}/{message.Attempt}/{Guid.NewGuid():N}";
        for (var conflict = 0; conflict < MaxConflicts; conflict++)
        {
            var batch = await _batches.GetAsync(message.Consumer, cancellationToken).ConfigureAwait(false);
            if (batch is null || batch.Generation != message.Generation)
            {
                return ClaimOutcome.Stale;
            }

            var now = time.GetUtcNow();
            var open = batch.CurrentState == BatchState.Open;
            var wait = open ? batch.DueAt - now : (batch.LeaseUntil ?? now) - now;
            if (wait > TimeSpan.Zero)
            {
                return ClaimOutcome.Later(wait, open ? "the debounce window is open" : "another run holds the "
                    + "consumer");
            }

            var slot = await _slots.TryAcquireAsync(holder, now, settings.ActionLease, cancellationToken)
                .ConfigureAwait(false);
            if (slot is null)
            {
                return ClaimOutcome.Later(SlotWait, $"all {settings.MaxConcurrentActions} action slots are held");
            }

            var stagger = await _stagger.TryPassAsync(now, cancellationToken).ConfigureAwait(false);
            batch.State = nameof(BatchState.Running);
            batch.LeaseUntil = now + settings.ActionLease;
            var claimed = stagger == TimeSpan.Zero
                && await _batches.TryUpdateAsync(batch, cancellationToken).ConfigureAwait(false);
            if (claimed)
            {
                return ClaimOutcome.Claimed(new RunClaim(batch, slot, holder));
            }

            await _slots.ReleaseAsync(slot, holder, now, cancellationToken).ConfigureAwait(false);
            if (stagger > TimeSpan.Zero)
            {
                return ClaimOutcome.Later(stagger, "staggering action starts");
            }
        }

        throw new InvalidOperationException(
            $"The batch of consumer '{message.Consumer}' kept changing while being claimed; expected it to settle.");
    }

    public Task ReleaseAsync(RunClaim claim, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claim);
        return _slots.ReleaseAsync(claim.Slot, claim.Holder, time.GetUtcNow(), cancellationToken);
    }
}
