using System.Text.Json;

namespace OpenDownloads.Datacenters.Providers;

/// <summary>
/// Reads JSON feeds, turning a body that is not JSON or lacks a field into a <see cref="FeedFormatException"/>.
/// </summary>
internal static class FeedJson
{
    public static JsonDocument Parse(ReadOnlyMemory<byte> body, FeedDocument document)
    {
        // Some servers put a byte order mark before JSON, which the parser does not skip for bytes in memory.
        if (body.Span.StartsWith("\uFEFF"u8))
        {
            body = body[3..];
        }

        try
        {
            return JsonDocument.Parse(body, new JsonDocumentOptions { AllowTrailingCommas = true });
        }
        catch (JsonException error)
        {
            throw new FeedFormatException(
                $"The feed '{document.FileName}' is not JSON ({Describe(body)}): {error.Message}", error);
        }
    }

    /// <summary>Returns the array in <paramref name="property"/> of an object, or throws naming the field.</summary>
    public static JsonElement.ArrayEnumerator Array(JsonElement element, string property, FeedDocument document)
    {
        if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(property, out var value)
            || value.ValueKind != JsonValueKind.Array)
        {
            throw new FeedFormatException(
                $"The feed '{document.FileName}' has no array '{property}' where expected; its schema may have "
                + "changed.");
        }

        return value.EnumerateArray();
    }

    /// <summary>
    /// Returns the string in <paramref name="property"/>, or <see langword="null"/> when absent or null.
    /// </summary>
    public static string? String(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value)
        && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    // Says what came instead, without quoting a possibly large body: "starts with '<!DOCTYPE html>'".
    private static string Describe(ReadOnlyMemory<byte> body)
    {
        if (body.IsEmpty)
        {
            return "the body is empty";
        }

        var start = System.Text.Encoding.UTF8.GetString(body.Span[..Math.Min(body.Length, 20)]);
        return $"{body.Length} bytes starting with '{InputExcerpt.Of(start)}'";
    }
}
