using System.Text.Json.Nodes;

namespace OpenDownloads.Functions.Tests.Deployment;

/// <summary>
/// infra/main.bicep evaluated with given parameters by `bicep snapshot`: the resources ARM would be asked for, with
/// every value that does not wait on a deployed resource already worked out (names, app settings, role scopes).
/// </summary>
internal sealed class DeploymentSnapshot
{
    private static readonly Lazy<DeploymentSnapshot> DefaultsOnce = new(() => Of());

    private DeploymentSnapshot(JsonObject root)
    {
        Resources = root["predictedResources"]!.AsArray().Select(r => r!.AsObject()).ToList();
    }

    /// <summary>Gets the template evaluated with its defaults, once per test run.</summary>
    public static DeploymentSnapshot Defaults => DefaultsOnce.Value;

    public IReadOnlyList<JsonObject> Resources { get; }

    /// <summary>Evaluates main.bicep with these lines of a .bicepparam file, and namePrefix odl unless given.</summary>
    public static DeploymentSnapshot Of(params string[] parameterLines)
    {
        var folder = Directory.CreateTempSubdirectory("odl-snapshot-").FullName;
        try
        {
            var template = Path.Combine(FunctionsBuildOutput.RepositoryRoot, "infra", "main.bicep");
            var parameters = Path.Combine(folder, "test.bicepparam");
            File.WriteAllLines(parameters, [
                $"using '{Path.GetRelativePath(folder, template).Replace('\\', '/')}'",
                .. parameterLines.Any(line => line.StartsWith("param namePrefix ", StringComparison.Ordinal))
                    ? Array.Empty<string>()
                    : ["param namePrefix = 'odl'"],
                .. parameterLines,
            ]);
            return new DeploymentSnapshot(JsonNode.Parse(BicepCli.Snapshot(parameters))!.AsObject());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    public IEnumerable<JsonObject> OfType(string type) =>
        Resources.Where(r => string.Equals((string?)r["type"], type, StringComparison.OrdinalIgnoreCase));

    /// <summary>The app settings one app is given, by the end of its name (counter or rotation).</summary>
    public IReadOnlyDictionary<string, string?> AppSettings(string app) =>
        OfType("Microsoft.Web/sites/config")
            .Single(c => ((string)c["name"]!).EndsWith($"-{app}/appsettings", StringComparison.Ordinal))
            ["properties"]!.AsObject()
            .ToDictionary(pair => pair.Key, pair => (string?)pair.Value, StringComparer.Ordinal);
}
