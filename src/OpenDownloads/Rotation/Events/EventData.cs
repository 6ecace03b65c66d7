using System.Text;
using System.Text.Json;

namespace OpenDownloads.Rotation.Events;

/// <summary>
/// Finds an event's data object: <c>data</c> as an object or as a JSON string, or CloudEvents' data_base64.
/// </summary>
internal static class EventData
{
    public static JsonElement? Read(JsonElement envelope)
    {
        var data = JsonFields.Find(envelope, "data");
        if (data is { ValueKind: JsonValueKind.Object })
        {
            return data;
        }

        var text = data is { ValueKind: JsonValueKind.String } ? data.Value.GetString() : null;
        if (text is null && JsonFields.Text(envelope, "data_base64") is { } base64)
        {
            text = TryDecode(base64);
        }

        return text is null ? null : TryParseObject(text);
    }

    private static string? TryDecode(string base64)
    {
        var bytes = new byte[base64.Length];
        return Convert.TryFromBase64String(base64, bytes, out var written)
            ? Encoding.UTF8.GetString(bytes, 0, written)
            : null;
    }

    private static JsonElement? TryParseObject(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            return document.RootElement.ValueKind == JsonValueKind.Object ? document.RootElement.Clone() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
