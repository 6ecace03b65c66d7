using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace OpenDownloads.Benchmarks.Generation;

/// <summary>
/// User agents for generated logs: every example in OPAWG's v2 <c>*.examples.json</c> files (apps, browsers,
/// devices, libraries and bots; referrers are not user agents), each also with a few version variants, as real
/// logs see many builds of one app. The order is fixed, so a seed picks the same agents on every machine.
/// </summary>
internal static partial class UserAgentPool
{
    private static readonly string[] Kinds = ["apps", "browsers", "devices", "libraries", "bots"];

    /// <summary>Reads the examples in <paramref name="opawgV2Directory"/> and adds version variants.</summary>
    /// <param name="opawgV2Directory">The folder holding OPAWG's v2 example files.</param>
    /// <param name="variantsPerExample">How many variants to make of each example, besides the example.</param>
    public static IReadOnlyList<string> Load(string opawgV2Directory, int variantsPerExample = 2)
    {
        var agents = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var kind in Kinds)
        {
            var path = Path.Combine(opawgV2Directory, $"{kind}.examples.json");
            using var document = JsonDocument.Parse(File.ReadAllBytes(path));
            foreach (var entry in document.RootElement.GetProperty("entries").EnumerateArray())
            {
                if (!entry.TryGetProperty("examples", out var examples))
                {
                    continue;
                }

                foreach (var example in examples.EnumerateArray().Select(e => e.GetString()!))
                {
                    for (var variant = 0; variant <= variantsPerExample; variant++)
                    {
                        var agent = variant == 0 ? example : Variant(example, variant);
                        if (seen.Add(agent))
                        {
                            agents.Add(agent);
                        }
                    }
                }
            }
        }

        return agents;
    }

    // Bumps the first version number: "Overcast/3.0" becomes "Overcast/4.0", a build the list still matches.
    private static string Variant(string example, int variant) => FirstNumber().Replace(
        example,
        match => Bump(match.Value, variant),
        1);

    private static string Bump(string number, int by) =>
        (long.Parse(number, CultureInfo.InvariantCulture) + by).ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex("[0-9]{1,9}")]
    private static partial Regex FirstNumber();
}
