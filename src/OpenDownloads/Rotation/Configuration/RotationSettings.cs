using OpenDownloads.Rotation.Consumers;

namespace OpenDownloads.Rotation.Configuration;

/// <summary>
/// The validated rotation configuration (see <see cref="RotationOptions"/> for what each value means).
/// </summary>
internal sealed record RotationSettings
{
    public bool DryRun { get; init; }

    public TimeSpan DebounceWindow { get; init; }

    public int MaxConcurrentActions { get; init; } = 4;

    public TimeSpan Stagger { get; init; }

    public int MaxAttempts { get; init; } = 5;

    public TimeSpan RetryBackoff { get; init; }

    public TimeSpan ActionLease { get; init; } = TimeSpan.FromMinutes(10);

    public int VerifyAttempts { get; init; } = 1;

    public TimeSpan VerifyDelay { get; init; }

    public Uri? AlertWebhook { get; init; }

    public string? WebhookKey { get; init; }

    public ConsumerResource? Self { get; init; }

    public ArmSettings Arm { get; init; } = new();

    public ConsumerCatalog Consumers { get; init; } = new([]);

    /// <summary>
    /// The backoff before attempt <paramref name="attempt"/> + 1: doubled each attempt, capped at an hour.
    /// </summary>
    public TimeSpan BackoffAfter(int attempt) =>
        TimeSpan.FromTicks(Math.Min(
            RetryBackoff.Ticks * (1L << Math.Clamp(attempt - 1, 0, 20)),
            TimeSpan.TicksPerHour));
}
