using System.Collections;
using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.Azure.Functions.Worker;
using OpenDownloads.Datacenters;
using OpenDownloads.Functions.Counting;
using OpenDownloads.Functions.Datacenters;
using OpenDownloads.Functions.Rotation;
using OpenDownloads.Rotation.Configuration;
using OpenDownloads.Streaming;

namespace OpenDownloads.Functions.Tests.Deployment;

/// <summary>
/// Every setting the app's code reads, found from the code itself: the bound options classes walked by reflection
/// (list items as index 0), the connections and schedule the wiring and triggers name, and the host's switch of each
/// function. A new option fails the coverage tests until the template and the sample give it a value.
/// </summary>
internal static partial class SettingKeys
{
    /// <summary>Connections: present when the key or any key under it (NAME:accountName…) is set.</summary>
    public static IReadOnlyList<string> Connections { get; } =
    [
        "AzureWebJobsStorage",
        CountingServices.StorageKey,
        .. TriggerAttributeValues().Where(value => value.Property == "Connection").Select(value => value.Text),
    ];

    /// <summary>Plain settings, connections included only where the setting itself holds a name or a string.</summary>
    public static IReadOnlyList<string> Values { get; } =
    [
        .. Walk(StreamingOptions.SectionName, typeof(StreamingOptions)),
        .. Walk(DatacenterRebuildOptions.SectionName, typeof(DatacenterRebuildOptions)),
        .. Walk(RotationOptions.SectionName, typeof(RotationOptions)),
        DatacentersServiceCollectionExtensions.ConnectionSetting,
        RotationServices.StorageConnectionKey,
        .. TriggerAttributeValues()
            .SelectMany(value => SettingReference().Matches(value.Text).Select(match => match.Groups[1].Value))
            .Distinct(),
        .. FunctionNames().Select(FunctionSwitches.SettingName),
    ];

    /// <summary>Settings the template leaves unset (the README names them), each for its reason.</summary>
    public static IReadOnlyDictionary<string, string> LeftUnset { get; } = new Dictionary<string, string>
    {
        ["Datacenters:FeedDirectory"] = "odl datacenters rebuild --feeds only; the function refuses it",
        ["Datacenters:AzureServiceTagsUrl"] = "unset, the file is discovered; the template sets it from a parameter",
        ["Datacenters:FeedBaseUrl"] = "unset, each provider's official URL is used",
    };

    /// <summary>The one setting local.settings.sample.json leaves out: the function refuses it when set.</summary>
    public static IReadOnlyList<string> NotInTheSample { get; } = ["Datacenters:FeedDirectory"];

    /// <summary>The functions the app declares, by the name the host knows them by.</summary>
    public static IEnumerable<string> FunctionNames() =>
        typeof(RebuildDatacenterList).Assembly.GetTypes()
            .SelectMany(type => type.GetMethods())
            .Select(method => method.GetCustomAttribute<FunctionAttribute>()?.Name)
            .OfType<string>()
            .Order(StringComparer.Ordinal);

    public static bool IsSet(IReadOnlySet<string> names, string key) =>
        names.Contains(Normalise(key));

    public static bool IsConnectionSet(IReadOnlySet<string> names, string key) =>
        names.Contains(Normalise(key))
        || names.Any(name => name.StartsWith(Normalise(key) + ":", StringComparison.OrdinalIgnoreCase));

    /// <summary>App settings write sections with "__", configuration keys ":"; list items count as item 0.</summary>
    public static string Normalise(string name) =>
        ListIndex().Replace(name.Replace("__", ":", StringComparison.Ordinal), ":0");

    /// <summary>String properties of the functions' trigger attributes, such as "%CountDownloads:EventHubName%".</summary>
    private static IEnumerable<(string Property, string Text)> TriggerAttributeValues() =>
        typeof(RebuildDatacenterList).Assembly.GetTypes()
            .SelectMany(type => type.GetMethods())
            .Where(method => method.GetCustomAttribute<FunctionAttribute>() is not null)
            .SelectMany(method => method.GetParameters())
            .SelectMany(parameter => parameter.GetCustomAttributes())
            .SelectMany(attribute => attribute.GetType().GetProperties()
                .Where(property => property.PropertyType == typeof(string))
                .Select(property => (property.Name, Text: property.GetValue(attribute) as string)))
            .Where(value => value.Text is { Length: > 0 })
            .Select(value => (value.Name, value.Text!));

    [GeneratedRegex("%([^%]+)%")]
    private static partial Regex SettingReference();

    [GeneratedRegex(@":\d+(?=:|$)")]
    private static partial Regex ListIndex();

    private static IEnumerable<string> Walk(string prefix, Type type)
    {
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var key = $"{prefix}:{property.Name}";
            var item = ListItemType(property.PropertyType);
            if (item is not null)
            {
                foreach (var inner in Walk($"{key}:0", item))
                {
                    yield return inner;
                }
            }
            else if (property.SetMethod is not { IsPublic: true })
            {
                continue;
            }
            else if (IsSection(property.PropertyType))
            {
                foreach (var inner in Walk(key, property.PropertyType))
                {
                    yield return inner;
                }
            }
            else
            {
                yield return key;
            }
        }
    }

    private static bool IsSection(Type type) =>
        type.IsClass && type != typeof(string) && type != typeof(Uri) && !typeof(IEnumerable).IsAssignableFrom(type);

    private static Type? ListItemType(Type type) =>
        type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IList<>) ? type.GetGenericArguments()[0] : null;
}
