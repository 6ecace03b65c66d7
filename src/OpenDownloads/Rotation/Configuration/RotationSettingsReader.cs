using OpenDownloads.Rotation.Consumers;

namespace OpenDownloads.Rotation.Configuration;

/// <summary>
/// Validates <see cref="RotationOptions"/> into <see cref="RotationSettings"/>, reporting every problem at once.
/// </summary>
internal static class RotationSettingsReader
{
    /// <summary>
    /// The longest debounce window, stagger, retry backoff or verify delay. Longer ones were cut silently before
    /// (due messages stay invisible at most 7 days, the backoff stops doubling at an hour), and a rotation that
    /// waits longer than this to reach its consumers is more likely a typo than a plan.
    /// </summary>
    public static readonly TimeSpan MaxWait = TimeSpan.FromHours(1);

    /// <summary>The longest ActionLease: a crashed run holds its consumer and slot this long.</summary>
    public static readonly TimeSpan MaxLease = TimeSpan.FromDays(1);

    /// <exception cref="RotationConfigurationException">One or more values are invalid; all are listed.</exception>
    public static RotationSettings Read(RotationOptions options) => Read(options, []);

    /// <summary>Validates <paramref name="options"/>, adding to problems already found in the raw section.</summary>
    /// <exception cref="RotationConfigurationException">There is at least one problem.</exception>
    public static RotationSettings Read(RotationOptions options, List<string> problems)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(problems);
        Within(problems, "DebounceWindow", options.DebounceWindow, TimeSpan.Zero, MaxWait);
        Within(problems, "Stagger", options.Stagger, TimeSpan.Zero, MaxWait);
        Within(problems, "RetryBackoff", options.RetryBackoff, TimeSpan.Zero, MaxWait);
        Within(problems, "VerifyDelay", options.VerifyDelay, TimeSpan.Zero, MaxWait);
        Within(problems, "ActionLease", options.ActionLease, TimeSpan.FromSeconds(1), MaxLease);
        AtLeastOne(problems, "MaxConcurrentActions", options.MaxConcurrentActions);
        AtLeastOne(problems, "MaxAttempts", options.MaxAttempts);
        AtLeastOne(problems, "VerifyAttempts", options.VerifyAttempts);

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

    /// <summary>
    /// The same rules as Arm:Endpoint: https unless on a loopback address, and no user info. An incoming webhook's
    /// path and query are its secret, so no problem quotes the URL.
    /// </summary>
    private static Uri? ReadAlertWebhook(List<string> problems, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (!Uri.TryCreate(text.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http"))
        {
            problems.Add("Rotation:AlertWebhook is not an absolute http(s) URL; expected a Teams or Slack incoming "
                + "webhook.");
        }
        else if (uri.UserInfo.Length > 0)
        {
            problems.Add("Rotation:AlertWebhook carries user info (user:password@); expected none (the webhook's "
                + "URL is its own key).");
        }
        else if (uri.Scheme == "http" && !ArmSettingsReader.IsLoopback(uri))
        {
            problems.Add("Rotation:AlertWebhook is plain http to an address that is not loopback; expected https "
                + "(http is allowed only on a loopback address).");
        }
        else
        {
            return uri;
        }

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

        problems.Add($"Rotation:SelfResourceId '{PrintableText.Of(text)}' is not the ARM id of a site, site slot or "
            + "container app.");
        return null;
    }

    private static void Within(List<string> problems, string name, TimeSpan value, TimeSpan min, TimeSpan max)
    {
        // A value the shape check refused (a bare number, text) was bound as something else or not at all.
        var path = $"Rotation:{name}";
        var refused = problems.Exists(problem => problem.StartsWith(path + " ", StringComparison.Ordinal));
        if ((value < min || value > max) && !refused)
        {
            problems.Add($"{path} is {value:c}; expected {min:c} to {max:c} (hh:mm:ss, d.hh:mm:ss for days).");
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
