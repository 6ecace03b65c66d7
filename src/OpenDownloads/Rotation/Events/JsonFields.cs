using System.Globalization;
using System.Text.Json;

namespace OpenDownloads.Rotation.Events;

/// <summary>
/// Reads event fields whatever their casing or stray spaces: live Key Vault payloads use PascalCase, older ones
/// camelCase and a key with a trailing space, and the SDK's typed models miss all but the exact spelling.
/// </summary>
internal static class JsonFields
{
    public static JsonElement? Find(JsonElement element, string name)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        foreach (var property in element.EnumerateObject())
        {
            if (string.Equals(property.Name.Trim(), name, StringComparison.OrdinalIgnoreCase))
            {
                return property.Value;
            }
        }

        return null;
    }

    /// <summary>
    /// The trimmed text of a string or number field; null when absent, null, empty or of another kind.
    /// </summary>
    public static string? Text(JsonElement element, string name)
    {
        var value = Find(element, name);
        var text = value?.ValueKind switch
        {
            JsonValueKind.String => value.Value.GetString(),
            JsonValueKind.Number => value.Value.GetRawText(),
            _ => null,
        };
        text = text?.Trim();
        return string.IsNullOrEmpty(text) ? null : text;
    }

    /// <summary>The first non-empty text among several spellings of one field.</summary>
    public static string? Text(JsonElement element, params ReadOnlySpan<string> names)
    {
        foreach (var name in names)
        {
            if (Text(element, name) is { } text)
            {
                return text;
            }
        }

        return null;
    }

    /// <summary>A Unix time given as a number, a numeric string or null.</summary>
    public static DateTimeOffset? UnixTime(JsonElement element, string name) =>
        Text(element, name) is { } text
            && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)
            && double.IsFinite(seconds)
            && Math.Abs(seconds) < 253402300799
            ? DateTimeOffset.FromUnixTimeSeconds((long)seconds)
            : null;
}
