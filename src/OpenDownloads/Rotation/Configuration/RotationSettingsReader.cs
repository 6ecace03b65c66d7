using OpenDownloads.Rotation.Consumers;

namespace OpenDownloads.Rotation.Configuration;

/// <summary>
/// Validates <see cref="RotationOptions"/> into <see cref="RotationSettings"/>, reporting every problem at once.
/// </summary>
internal static class RotationSettingsReader
{
    /// <exception cref="RotationConfigurationException">One or more values are invalid; all are listed.</exception>
    public static RotationSettings Read(RotationOptions options) => Read(options, []);

    /// <summary>Validates <paramref name="options"/>, adding to problems already found in the raw section.</summary>
    /// <exception cref="RotationConfigurationException">There is at least one problem.</exception>
    public static RotationSettings Read(RotationOptions options, List<string> problems)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(problems);
        NotNegative(problems, "DebounceWindow", options.DebounceWindow);
        NotNegative(problems, "Stagger", options.Stagger);
        NotNegative(problems, "RetryBackoff", options.RetryBackoff);
        NotNegative(problems, "VerifyDelay", options.VerifyDelay);
        AtLeastOne(problems, "MaxConcurrentActions", options.MaxConcurrentActions);
        AtLeastOne(problems, "MaxAttempts", options.MaxAttempts);
        AtLeastOne(problems, "VerifyAttempts", options.VerifyAttempts);
        if (options.ActionLease <= TimeSpan.Zero)
        {
            problems.Add($"Rotation:ActionLease is '{options.ActionLease}'; expected a positive duration.");
        }

        var alert = ReadAlertWebhook(problems, options.AlertWebhook);
        var self = ReadSelf(problems, options.SelfResourceId);
        var arm = ArmSettingsReader.Read(problems, options.Arm ?? new ArmOptions());
        var consumers = ConsumerOptionsReader.Read(problems, options.Consumers);
        if (problems.Count > 0)
        {
            throw RotationConfigurationException.FromProblems(problems);
        }

        return new RotationSettings
        {
            DryRun = options.DryRun,
            DebounceWindow = options.DebounceWindow,
            MaxConcurrentActions = options.MaxConcurrentActions,
            Stagger = options.Stagger,
            MaxAttempts = options.MaxAttempts,
            RetryBackoff = options.RetryBackoff,
            ActionLease = options.ActionLease,
            VerifyAttempts = options.VerifyAttempts,
            VerifyDelay = options.VerifyDelay,
            AlertWebhook = alert,
            WebhookKey = string.IsNullOrWhiteSpace(options.WebhookKey) ? null : options.WebhookKey,
            Self = self,
            Arm = arm,
            Consumers = new ConsumerCatalog(consumers),
        };
    }

    private static Uri? ReadAlertWebhook(List<string> problems, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (Uri.TryCreate(text.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http")
        {
            return uri;
        }

        problems.Add("Rotation:AlertWebhook is not an absolute http(s) URL; expected a Teams or Slack incoming "
            + "webhook.");
        return null;
    }

    private static ConsumerResource? ReadSelf(List<string> problems, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (ConsumerResource.TryParse(text, out var self))
        {
            return self;
        }

        problems.Add($"Rotation:SelfResourceId '{text}' is not the ARM id of a site, site slot or container app.");
        return null;
    }

    private static void NotNegative(List<string> problems, string name, TimeSpan value)
    {
        if (value < TimeSpan.Zero)
        {
            problems.Add($"Rotation:{name} is '{value}'; expected zero or a positive duration.");
        }
    }

    private static void AtLeastOne(List<string> problems, string name, int value)
    {
        if (value < 1)
        {
            problems.Add($"Rotation:{name} is {value}; expected 1 or more.");
        }
    }
}
