using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace OpenDownloads.Rotation.Configuration;

/// <summary>
/// Checks the raw shape of the Rotation section before it is bound. The binder skips a list item it cannot convert
/// (so later indexes shift), turns a JSON null into false and ignores a value where an object belongs; this reports
/// each of those, without quoting the value (a misplaced secret must not reach a log).
/// </summary>
internal static class RotationSectionShape
{
    private static readonly string[] TopTimes =
        ["DebounceWindow", "Stagger", "RetryBackoff", "ActionLease", "VerifyDelay"];
    private static readonly string[] TopNumbers = ["MaxConcurrentActions", "MaxAttempts", "VerifyAttempts"];
    // StorageConnection is left out: it is a connection string or an identity-based section (RotationStorageAccount).
    private static readonly string[] TopTexts = ["AlertWebhook", "WebhookKey", "SelfResourceId"];
    private static readonly string[] ArmTimes = ["RetryDelay", "MaxRetryDelay", "NetworkTimeout"];
    private static readonly string[] ArmTexts = ["Endpoint", "Credential", "ManagedIdentityClientId"];
    private static readonly string[] ConsumerTexts = ["Name", "ResourceId", "Slot", "Action"];
    private static readonly string[] DependencyTexts = ["Vault", "Secret", "Store", "Key", "Label", "Match"];

    /// <summary>Adds a problem for every value of the wrong shape or type under <paramref name="section"/>.</summary>
    public static void Check(List<string> problems, IConfigurationSection section)
    {
        ArgumentNullException.ThrowIfNull(problems);
        ArgumentNullException.ThrowIfNull(section);
        Times(problems, section, TopTimes, "00:01:00");
        Values(problems, section, TopNumbers, IsWholeNumber, "a whole number");
        Values(problems, section, ["DryRun"], IsBoolean, "true or false");
        Values(problems, section, TopTexts, _ => true, "text");
        if (Object(problems, section.GetSection("Arm")) is { } arm)
        {
            Times(problems, arm, ArmTimes, "00:00:02");
            Values(problems, arm, ["MaxRetries"], IsWholeNumber, "a whole number");
            Values(problems, arm, ArmTexts, _ => true, "text");
        }

        foreach (var consumer in List(problems, section.GetSection("Consumers")))
        {
            if (Object(problems, consumer) is not { } item)
            {
                continue;
            }

            Values(problems, item, ConsumerTexts, _ => true, "text");
            Values(problems, item, ["Enabled"], IsBoolean, "true or false");
            foreach (var dependency in List(problems, item.GetSection("DependsOn")))
            {
                if (Object(problems, dependency) is { } entry)
                {
                    Values(problems, entry, DependencyTexts, _ => true, "text");
                }
            }
        }
    }

    /// <summary>
    /// Durations: a bare number converts (TimeSpan reads "60" as 60 days), so it is refused here with the form
    /// that was meant; anything else that does not convert gets the general message.
    /// </summary>
    private static void Times(
        List<string> problems,
        IConfigurationSection parent,
        IEnumerable<string> names,
        string example)
    {
        foreach (var name in names)
        {
            var value = parent.GetSection(name);
            if (value.Value?.Trim() is { Length: > 0 } text && IsBareNumber(text))
            {
                problems.Add($"{value.Path} is a bare number, which would be read as days; expected hh:mm:ss such "
                    + $"as {example} (d.hh:mm:ss for days).");
                continue;
            }

            Values(problems, parent, [name], IsTime, $"a duration (hh:mm:ss) such as {example}");
        }
    }

    private static void Values(
        List<string> problems,
        IConfigurationSection parent,
        IEnumerable<string> names,
        Func<string, bool> parses,
        string expected)
    {
        foreach (var name in names)
        {
            var value = parent.GetSection(name);
            var present = parent.GetChildren().Any(child => child.Key.Equals(name, StringComparison.OrdinalIgnoreCase));
            var found = present ? Describe(value) : null;
            if (found is null || (value.Value is { Length: > 0 } text && parses(text.Trim())))
            {
                continue;
            }

            if (found == "empty (null)" && expected == "text")
            {
                continue;
            }

            problems.Add($"{value.Path} is {found}; expected {expected}.");
        }
    }

    private static IConfigurationSection? Object(List<string> problems, IConfigurationSection section)
    {
        if (section.Value is { Length: > 0 })
        {
            problems.Add($"{section.Path} is a single value; expected an object.");
            return null;
        }

        return section;
    }

    private static IEnumerable<IConfigurationSection> List(List<string> problems, IConfigurationSection section)
    {
        if (section.Value is { Length: > 0 })
        {
            problems.Add($"{section.Path} is a single value; expected an array.");
            return [];
        }

        var items = section.GetChildren().ToList();
        var notIndexes = items.Where(
            item => !int.TryParse(item.Key, NumberStyles.None, CultureInfo.InvariantCulture, out _));
        if (notIndexes.Any())
        {
            problems.Add($"{section.Path} is an object; expected an array.");
            return [];
        }

        return items.OrderBy(item => int.Parse(item.Key, CultureInfo.InvariantCulture));
    }

    /// <summary>What is there, in words that never quote the value.</summary>
    private static string Describe(IConfigurationSection value)
    {
        var children = value.GetChildren().ToList();
        if (children.Count > 0)
        {
            return children.All(child => int.TryParse(child.Key, CultureInfo.InvariantCulture, out _))
                ? "an array"
                : "an object";
        }

        return value.Value switch
        {
            null or "" => "empty (null)",
            _ => "a value that does not convert",
        };
    }

    private static bool IsTime(string text) =>
        TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out _);

    private static bool IsBareNumber(string text) =>
        text.Length > 0 && !text.Contains(':', StringComparison.Ordinal)
        && TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out _);

    private static bool IsWholeNumber(string text) =>
        int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _);

    private static bool IsBoolean(string text) => bool.TryParse(text, out _);
}
