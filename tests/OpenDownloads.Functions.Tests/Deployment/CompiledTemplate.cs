using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace OpenDownloads.Functions.Tests.Deployment;

/// <summary>infra/main.bicep compiled once per test run, and ways to look into the ARM JSON.</summary>
internal static partial class CompiledTemplate
{
    private static readonly Lazy<JsonObject> Compiled = new(() => JsonNode.Parse(
        BicepCli.Build(Path.Combine(FunctionsBuildOutput.RepositoryRoot, "infra", "main.bicep")))!.AsObject());

    public static JsonObject Root => Compiled.Value;

    public static string Text => Root.ToJsonString();

    /// <summary>Every resource, those of nested deployments (the modules) included.</summary>
    public static IReadOnlyList<JsonObject> Resources
    {
        get
        {
            var found = new List<JsonObject>();
            Collect(Root, found);
            return found;
        }
    }

    public static IEnumerable<JsonObject> OfType(string type) =>
        Resources.Where(r => string.Equals((string?)r["type"], type, StringComparison.OrdinalIgnoreCase));

    /// <summary>The template of one module, by its deployment name.</summary>
    public static JsonObject Module(string name) =>
        OfType("Microsoft.Resources/deployments").Single(d => (string?)d["name"] == name)["properties"]!["template"]!
            .AsObject();

    /// <summary>
    /// The app setting names one output of the app-settings module holds: the keys of the variables it unions, the
    /// first key of each createObject, and the Rotation consumer keys the template formats, with every index as 0.
    /// </summary>
    public static IReadOnlySet<string> AppSettingNames(string app)
    {
        var module = Module("app-settings");
        var variables = module["variables"]!.AsObject();
        var output = (string)module["outputs"]![app]!["value"]!;
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var expressions = new List<string> { output };
        foreach (Match used in VariableUse().Matches(output))
        {
            switch (variables[used.Groups[1].Value])
            {
                case JsonObject literal:
                    names.UnionWith(literal.Select(pair => pair.Key));
                    break;
                case JsonValue expression:
                    expressions.Add((string)expression!);
                    break;
            }
        }

        foreach (var expression in expressions)
        {
            names.UnionWith(FirstObjectKey().Matches(expression).Select(m => m.Groups[1].Value));
            names.UnionWith(FormattedKey().Matches(expression).Select(m => Index().Replace(m.Groups[1].Value, "0")));
        }

        return names;
    }

    private static void Collect(JsonObject template, List<JsonObject> found)
    {
        // Templates in language version 2.0 key their resources by symbolic name instead of listing them.
        IEnumerable<JsonNode?> resources = template["resources"] switch
        {
            JsonArray list => list,
            JsonObject named => named.Select(pair => pair.Value),
            _ => [],
        };
        foreach (var resource in resources)
        {
            var item = resource!.AsObject();
            if ((bool?)item["existing"] == true)
            {
                continue;
            }

            found.Add(item);
            if (item["properties"] is JsonObject properties && properties["template"] is JsonObject nested)
            {
                Collect(nested, found);
            }
        }
    }

    [GeneratedRegex(@"variables\('(\w+)'\)")]
    private static partial Regex VariableUse();

    [GeneratedRegex(@"createObject\('([A-Za-z][\w.]*)'")]
    private static partial Regex FirstObjectKey();

    [GeneratedRegex(@"format\('(Rotation__Consumers__[^']+)'")]
    private static partial Regex FormattedKey();

    [GeneratedRegex(@"\{\d\}")]
    private static partial Regex Index();
}
