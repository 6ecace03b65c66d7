using System.Text.Json;
using Microsoft.Extensions.Configuration;

namespace OpenDownloads.Functions.Tests.Deployment;

/// <summary>local.settings.sample.json's Values, as names and as the configuration the worker would see.</summary>
internal static class LocalSettingsSample
{
    public static IReadOnlyDictionary<string, string?> Values()
    {
        var path = Path.Combine(FunctionsBuildOutput.RepositoryRoot, "local.settings.sample.json");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return document.RootElement.GetProperty("Values").EnumerateObject()
            .ToDictionary(value => value.Name, value => value.Value.GetString(), StringComparer.OrdinalIgnoreCase);
    }

    public static IReadOnlySet<string> Names() =>
        Values().Keys.Select(SettingKeys.Normalise).ToHashSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>The values as environment variables reach the worker: "__" becomes ":".</summary>
    public static IConfiguration Configuration() =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(Values().Select(v =>
                KeyValuePair.Create(v.Key.Replace("__", ":", StringComparison.Ordinal), v.Value)))
            .Build();
}
