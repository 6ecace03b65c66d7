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
        var index = 0;
        foreach (var option in options)
        {
            var where = $"Rotation:Consumers:{index++}";
            var before = problems.Count;
            var name = option.Name?.Trim() ?? string.Empty;
            if (!NamePattern().IsMatch(name))
            {
                problems.Add($"{where}:Name '{name}' is not a consumer name; expected 1-63 letters, digits, "
                    + "'.', '_' or '-'.");
            }
            else if (!names.TryAdd(name, (where, name)))
            {
                var first = names[name];
                problems.Add($"{where}:Name '{name}' is the same name as {first.Where}:Name '{first.Name}' "
                    + "(names are compared ignoring case); expected each consumer to have its own name.");
            }

            var resource = ReadResource(problems, where, option);
            var action = ReadAction(problems, where, option.Action, resource.Kind);
            var dependencies = option.DependsOn.Select((dependency, at) =>
                DependencyOptionsReader.Read(problems, $"{where}:DependsOn:{at}", dependency)).ToList();
            if (dependencies.Count == 0)
            {
                problems.Add($"{where} ('{name}') has no DependsOn entries; expected at least one vault secret "
                    + "or store key.");
            }

            if (problems.Count == before)
            {
                var valid = dependencies.OfType<Dependency>().ToList();
                consumers.Add(new Consumer(name, resource, action, option.Enabled, valid));
            }
        }

        return consumers;
    }

    private static ConsumerResource ReadResource(List<string> problems, string where, ConsumerOptions option)
    {
        if (!ConsumerResource.TryParse(option.ResourceId, out var resource))
        {
            problems.Add($"{where}:ResourceId '{PrintableText.Of(option.ResourceId)}' is not a site, site slot or "
                + "container app ARM id; expected "
                + "/subscriptions/{id}/resourceGroups/{group}/providers/Microsoft.Web/sites/{name} or "
                + "…/Microsoft.App/containerApps/{name}.");
            return resource;
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

    private static ConsumerAction ReadAction(List<string> problems, string where, string? text, ConsumerKind kind)
    {
        var mildest = kind == ConsumerKind.AppService ? ConsumerAction.RefreshReferences : ConsumerAction.Restart;
        if (string.IsNullOrWhiteSpace(text))
        {
            return mildest;
        }

        if (!Enum.TryParse<ConsumerAction>(text.Trim(), ignoreCase: true, out var action) || !Enum.IsDefined(action)
            || !ActionLadder.For(kind).Contains(action))
        {
            var allowed = string.Join(", ", ActionLadder.For(kind));
            problems.Add($"{where}:Action '{PrintableText.Of(text)}' does not apply to "
                + $"{ConsumerKindText.WithArticle(kind)}; expected one of {allowed}.");
            return mildest;
        }

        return action;
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$", RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();
}
