using System.Text.RegularExpressions;
using OpenDownloads.Rotation.Consumers;

namespace OpenDownloads.Rotation.Configuration;

/// <summary>Validates the consumers list: names, resource ids, actions that fit the kind, dependencies.</summary>
internal static partial class ConsumerOptionsReader
{
    public static List<Consumer> Read(List<string> problems, IEnumerable<ConsumerOptions> options)
    {
        var consumers = new List<Consumer>();
        // Names key the ledger and batch rows ignoring case, so "Feed" and "feed" would be one consumer there.
        var names = new Dictionary<string, (string Where, string Name)>(StringComparer.OrdinalIgnoreCase);
        var targets = new List<(string Where, string Name, ConsumerResource Resource)>();
        var index = 0;
        foreach (var option in options)
        {
            var where = $"Rotation:Consumers:{index++}";
            if (AlreadyRefused(problems, where))
            {
                // Not an object (a bare string): its fields would only repeat that as follow-on problems.
                continue;
            }

            var before = problems.Count;
            var name = option.Name?.Trim() ?? string.Empty;
            if (!NamePattern().IsMatch(name))
            {
                problems.Add($"{where}:Name '{PrintableText.Of(name)}' is not a consumer name; expected 1-63 "
                    + "letters, digits, '.', '_' or '-'.");
            }
            else if (!names.TryAdd(name, (where, name)))
            {
                var first = names[name];
                problems.Add($"{where}:Name '{name}' is the same name as {first.Where}:Name '{first.Name}' "
                    + "(names are compared ignoring case); expected each consumer to have its own name.");
            }

            var resource = ReadResource(problems, where, option);
            var action = ReadAction(problems, where, option.Action, resource?.Kind);
            if (resource is { } target)
            {
                SameAppOnce(problems, targets, (where, name, target));
            }

            var dependencies = ReadDependencies(problems, where, option);
            // A DependsOn (or an entry of it) that is not an object was not bound, and was reported already.
            var dependsOnRefused = problems.Exists(
                problem => problem.StartsWith($"{where}:DependsOn", StringComparison.Ordinal));
            if (dependencies.Count == 0 && !dependsOnRefused)
            {
                problems.Add($"{where} ('{PrintableText.Of(name)}') has no DependsOn entries; expected at least one "
                    + "vault secret or store key.");
            }

            if (problems.Count == before && resource is { } valid)
            {
                var read = dependencies.OfType<Dependency>().ToList();
                consumers.Add(new Consumer(name, valid, action, option.Enabled, read));
            }
        }

        return consumers;
    }

    /// <summary>
    /// Two consumers naming one app (site and slot, or container app, ignoring case) would make one rotation act
    /// on it twice, from two batches that do not know of each other.
    /// </summary>
    private static void SameAppOnce(
        List<string> problems,
        List<(string Where, string Name, ConsumerResource Resource)> targets,
        (string Where, string Name, ConsumerResource Resource) consumer)
    {
        foreach (var earlier in targets.Where(earlier => earlier.Resource.SameTarget(consumer.Resource)))
        {
            problems.Add($"{consumer.Where} ('{PrintableText.Of(consumer.Name)}') names the same app as "
                + $"{earlier.Where} ('{PrintableText.Of(earlier.Name)}') (ResourceId and Slot compared ignoring "
                + "case); expected one consumer per app, with all its DependsOn entries (two would act on it twice "
                + "for one rotation).");
            return;
        }

        targets.Add(consumer);
    }

    private static List<Dependency?> ReadDependencies(List<string> problems, string where, ConsumerOptions option)
    {
        var dependencies = new List<Dependency?>();
        var at = 0;
        foreach (var dependency in option.DependsOn)
        {
            var path = $"{where}:DependsOn:{at++}";
            var refused = AlreadyRefused(problems, path);
            dependencies.Add(refused ? null : DependencyOptionsReader.Read(problems, path, dependency));
        }

        return dependencies;
    }

    /// <summary>
    /// Whether the raw shape check refused the entry at <paramref name="path"/> itself ("{path} is a single value",
    /// "{path} is an object"): checks that depend on it would report false follow-on problems.
    /// </summary>
    public static bool AlreadyRefused(List<string> problems, string path) =>
        problems.Exists(problem => problem.StartsWith(path + " is ", StringComparison.Ordinal));

    /// <summary>The consumer's app; null when its ResourceId is refused (its kind is then unknown).</summary>
    private static ConsumerResource? ReadResource(List<string> problems, string where, ConsumerOptions option)
    {
        if (!ConsumerResource.TryParse(option.ResourceId, out var resource))
        {
            if (AlreadyRefused(problems, $"{where}:ResourceId"))
            {
                return null;
            }

            problems.Add($"{where}:ResourceId '{PrintableText.Of(option.ResourceId)}' is not a site, site slot or "
                + "container app ARM id; expected "
                + "/subscriptions/{id}/resourceGroups/{group}/providers/Microsoft.Web/sites/{name} or "
                + "…/Microsoft.App/containerApps/{name}.");
            return null;
        }

        if (resource.Slot is not null && !ConsumerResource.IsSlotName(resource.Slot))
        {
            problems.Add($"{where}:ResourceId names slot '{resource.Slot}'; expected a deployment slot name "
                + "(not production: give the site's id without /slots for it).");
            return resource;
        }

        var slot = string.IsNullOrWhiteSpace(option.Slot) ? null : option.Slot.Trim();
        if (slot is null)
        {
            return resource;
        }

        if (!ConsumerResource.IsSlotName(slot))
        {
            problems.Add($"{where}:Slot '{PrintableText.Of(slot)}' is not a deployment slot name; expected "
                + "1-59 letters, digits or hyphens, not 'production' (leave Slot out for the production slot).");
            return resource;
        }

        var slotTwice = resource.Slot is not null && !resource.Slot.Equals(slot, StringComparison.OrdinalIgnoreCase);
        if (resource.Kind != ConsumerKind.AppService || slotTwice)
        {
            problems.Add($"{where}:Slot '{slot}' does not fit ResourceId '{PrintableText.Of(option.ResourceId)}'; "
                + "expected a slot only for a site, given once.");
            return resource;
        }

        return resource with { Slot = slot };
    }

    /// <summary>The action; with the kind unknown (a refused ResourceId) only whether it is an action at all.</summary>
    private static ConsumerAction ReadAction(List<string> problems, string where, string? text, ConsumerKind? kind)
    {
        var mildest = kind == ConsumerKind.ContainerApp ? ConsumerAction.Restart : ConsumerAction.RefreshReferences;
        if (string.IsNullOrWhiteSpace(text))
        {
            return mildest;
        }

        var known = Enum.TryParse<ConsumerAction>(text.Trim(), ignoreCase: true, out var action)
            && Enum.IsDefined(action);
        if (kind is null && !known)
        {
            problems.Add($"{where}:Action '{PrintableText.Of(text)}' is unknown; expected one of "
                + $"{string.Join(", ", Enum.GetValues<ConsumerAction>())}.");
            return mildest;
        }

        if (kind is { } fits && (!known || !ActionLadder.For(fits).Contains(action)))
        {
            var allowed = string.Join(", ", ActionLadder.For(fits));
            problems.Add($"{where}:Action '{PrintableText.Of(text)}' does not apply to "
                + $"{ConsumerKindText.WithArticle(fits)}; expected one of {allowed}.");
            return mildest;
        }

        return action;
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$", RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();
}
