using System.Text.Json;

namespace OpenDownloads.Counting.Readers.AzureMonitor;

/// <summary>Reads Azure Monitor record fields: names matched exactly first, then in any case, since diagnostic
/// settings write camelCase and Log Analytics exports PascalCase.</summary>
internal static class JsonFields
{
    /// <summary>Returns the field as text, or null when it is absent or null.</summary>
    /// <exception cref="FormatException">The field is an object or an array: the record is malformed, and reading
    /// it as absent would count it wrongly (an object user agent as no user agent).</exception>
    public static string? Text(JsonElement record, string name) => Find(record, name) is { } value
        ? value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
            JsonValueKind.Object or JsonValueKind.Array => throw new FormatException(
                $"The record's {name} is a JSON {value.ValueKind}; expected a string."),
            _ => null,
        }
        : null;

    /// <summary>Returns the record's <c>properties</c> object; some services write it as a JSON string.</summary>
    public static JsonElement? Properties(JsonElement record)
    {
        if (Find(record, "properties") is not { } properties)
        {
            return null;
        }

        if (properties.ValueKind == JsonValueKind.Object)
        {
            return properties;
        }

        if (properties.ValueKind == JsonValueKind.String)
        {
            try
            {
                using var parsed = JsonDocument.Parse(properties.GetString()!);
                return parsed.RootElement.ValueKind == JsonValueKind.Object ? parsed.RootElement.Clone() : null;
            }
            catch (JsonException)
            {
                return null;
            }
        }

        return null;
    }

    /// <summary>Returns false only when the flag is present and false; Front Door's origin-shield copies say
    /// so.</summary>
    public static bool IsNotFalse(JsonElement record, string name) => Find(record, name) is not { } value
        || value.ValueKind switch
        {
            JsonValueKind.False => false,
            JsonValueKind.String => !string.Equals(value.GetString(), "false", StringComparison.OrdinalIgnoreCase),
            _ => true,
        };

    private static JsonElement? Find(JsonElement record, string name)
    {
        if (record.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        if (record.TryGetProperty(name, out var exact))
        {
            return exact;
        }

        foreach (var property in record.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return property.Value;
            }
        }

        return null;
    }
}
