namespace OpenDownloads.Rotation.Configuration;

/// <summary>
/// The "Rotation" configuration section as written (app settings such as Rotation__DebounceWindow, or JSON).
/// Enumerations are strings here so that every bad value is reported at once by <see cref="RotationSettings"/>.
/// </summary>
internal sealed class RotationOptions
{
    public const string SectionName = "Rotation";

    /// <summary>Log the ARM calls that would be made and make none; record nothing either.</summary>
    public bool DryRun { get; set; }

    /// <summary>Changes for one consumer that arrive within this window of the first give one action.</summary>
    public TimeSpan DebounceWindow { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>At most this many consumers are acted on at once, across all instances of the responder.</summary>
    public int MaxConcurrentActions { get; set; } = 4;

    /// <summary>At least this long between the starts of two actions (zero: no staggering).</summary>
    public TimeSpan Stagger { get; set; } = TimeSpan.Zero;

    /// <summary>A consumer's action is tried this many times before its message goes to the poison queue.</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>The wait before the second attempt; it doubles with each further attempt.</summary>
    public TimeSpan RetryBackoff { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long an action may hold its consumer and concurrency slot before another run may take over.
    /// </summary>
    public TimeSpan ActionLease { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How many times an outcome is read before a still-pending one counts as stale.</summary>
    public int VerifyAttempts { get; set; } = 6;

    /// <summary>The wait between outcome reads.</summary>
    public TimeSpan VerifyDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>A Teams or Slack incoming-webhook URL for alerts; none when empty.</summary>
    public string? AlertWebhook { get; set; }

    /// <summary>The shared key the HTTP webhook requires (header x-rotation-key or query key).</summary>
    public string? WebhookKey { get; set; }

    /// <summary>
    /// The ARM id of the app the responder runs in; on App Service it is found from WEBSITE_* settings.
    /// </summary>
    public string? SelfResourceId { get; set; }

    public ArmOptions Arm { get; set; } = new();

    public IList<ConsumerOptions> Consumers { get; } = new List<ConsumerOptions>();
}
