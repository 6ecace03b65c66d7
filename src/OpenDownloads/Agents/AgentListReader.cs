using System.Text.Json;
using System.Text.RegularExpressions;

namespace OpenDownloads.Agents;

/// <summary>Reads the OPAWG v1 <c>user-agents.json</c> file into entries, applying oDL's defaults.</summary>
internal static class AgentListReader
{
    // Interpreted, not compiled: a compiled pattern is JIT-compiled on its first use, which cost about 2 s over the
    // list's 400-odd patterns, more than interpreting them costs over 100,000 new user agents once RequiredText
    // has ruled out all but a few patterns for each.
    private const RegexOptions PatternOptions = RegexOptions.CultureInvariant;

    public static IReadOnlyList<AgentEntry> Read(Stream json, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(sourceName);

        using var document = Parse(json, sourceName);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Array)
        {
            throw new FormatException(
                $"The user-agent list '{sourceName}' starts with a JSON {root.ValueKind}; "
                + "expected an array of entries.");
        }

        var entries = new List<AgentEntry>(root.GetArrayLength());
        foreach (var element in root.EnumerateArray())
        {
            entries.Add(ReadEntry(element, entries.Count, sourceName));
        }

        return entries;
    }

    private static JsonDocument Parse(Stream json, string sourceName)
    {
        try
        {
            return JsonDocument.Parse(json);
        }
        catch (JsonException error)
        {
            throw new FormatException(
                $"The user-agent list '{sourceName}' is not valid JSON ({error.Message}); "
                + "expected an array of entries.",
                error);
        }
    }

    private static AgentEntry ReadEntry(JsonElement element, int index, string sourceName)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw Invalid(sourceName, index, $"is a JSON {element.ValueKind}", "an object");
        }

        if (!element.TryGetProperty("user_agents", out var patterns) || patterns.ValueKind != JsonValueKind.Array)
        {
            throw Invalid(sourceName, index, "has no 'user_agents' array", "an array of regular expressions");
        }

        var player = new PlayerInfo(
            ReadText(element, "app", index, sourceName),
            ReadText(element, "device", index, sourceName),
            ReadText(element, "os", index, sourceName),
            ReadBot(element, index, sourceName));

        var compiled = new List<Regex>(patterns.GetArrayLength());
        foreach (var pattern in patterns.EnumerateArray())
        {
            if (pattern.ValueKind != JsonValueKind.String)
            {
                throw Invalid(sourceName, index, $"has a {pattern.ValueKind} in 'user_agents'", "only strings");
            }

            compiled.Add(Compile(pattern.GetString()!, index, sourceName));
        }

        return new AgentEntry(index, player, compiled);
    }

    private static string ReadText(JsonElement element, string name, int index, string sourceName)
    {
        if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return PlayerInfo.UnknownValue;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            throw Invalid(sourceName, index, $"has a {value.ValueKind} for '{name}'", "a string");
        }

        return value.GetString()!;
    }

    private static bool ReadBot(JsonElement element, int index, string sourceName)
    {
        if (!element.TryGetProperty("bot", out var value))
        {
            return false;
        }

        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False or JsonValueKind.Null => false,
            _ => throw Invalid(sourceName, index, $"has a {value.ValueKind} for 'bot'", "true or false"),
        };
    }

    private static Regex Compile(string pattern, int index, string sourceName)
    {
        try
        {
            return new Regex(PatternTranslator.Translate(pattern), PatternOptions, AgentEntry.MatchTimeout);
        }
        catch (ArgumentException error)
        {
            throw Invalid(
                sourceName,
                index,
                $"has the pattern '{pattern}', which does not compile ({error.Message})",
                "a Python-compatible regular expression",
                error);
        }
    }

    private static FormatException Invalid(
        string sourceName,
        int index,
        string problem,
        string expected,
        Exception? inner = null) =>
        new($"Entry {index} of the user-agent list '{sourceName}' {problem}; expected {expected}.", inner);
}
