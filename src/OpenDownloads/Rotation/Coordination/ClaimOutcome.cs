namespace OpenDownloads.Rotation.Coordination;

/// <summary>What trying to claim a consumer's batch gave: the claim, a wait (with why), or nothing to do.</summary>
internal sealed record ClaimOutcome(RunClaim? Claim, TimeSpan Wait, string Reason)
{
    public static ClaimOutcome Stale { get; } = new(null, TimeSpan.Zero, "stale");

    public static ClaimOutcome Claimed(RunClaim claim) => new(claim, TimeSpan.Zero, "claimed");

    public static ClaimOutcome Later(TimeSpan wait, string reason) => new(null, wait, reason);

    public bool IsStale => Claim is null && Wait == TimeSpan.Zero;
}
