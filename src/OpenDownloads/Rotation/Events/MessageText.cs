using System.Buffers.Text;

namespace OpenDownloads.Rotation.Events;

/// <summary>
/// Turns a queue message or request body into JSON bytes: Event Grid writes Base64-encoded JSON to queues today,
/// plain JSON in older reports and over webhooks, and a host set to another encoding may pass either through.
/// </summary>
internal static class MessageText
{
    public static ReadOnlyMemory<byte> ToJson(BinaryData body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var bytes = body.ToMemory();
        var trimmed = Trim(bytes.Span);
        if (trimmed.Length > 0 && trimmed[0] is (byte)'{' or (byte)'[')
        {
            // JsonDocument refuses a byte order mark, so the trimmed bytes are what is parsed.
            return trimmed.ToArray();
        }

        if (trimmed.Length > 0 && Base64.IsValid(trimmed))
        {
            var decoded = Convert.FromBase64String(System.Text.Encoding.ASCII.GetString(trimmed));
            var inner = Trim(decoded);
            if (inner.Length > 0 && inner[0] is (byte)'{' or (byte)'[')
            {
                return inner.ToArray();
            }
        }

        if (JsonScalar(trimmed) is { } kind)
        {
            throw new FormatException($"The message is JSON (a {kind}), not an event; expected an Event Grid or "
                + "CloudEvents event object or an array of events.");
        }

        throw new FormatException(
            "The message is neither JSON nor Base64-encoded JSON; expected an Event Grid or CloudEvents event "
                + "or array.");
    }

    /// <summary>The kind of a lone JSON value (a number, string, true, false or null), or null if it is none.</summary>
    private static string? JsonScalar(ReadOnlySpan<byte> bytes)
    {
        try
        {
            var reader = new System.Text.Json.Utf8JsonReader(bytes);
            if (!reader.Read())
            {
                return null;
            }

            var kind = reader.TokenType;
            return reader.Read() ? null : kind.ToString().ToLowerInvariant();
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    private static ReadOnlySpan<byte> Trim(ReadOnlySpan<byte> bytes)
    {
        // A UTF-8 byte order mark and whitespace may precede the JSON.
        if (bytes.StartsWith("\uFEFF"u8))
        {
            bytes = bytes[3..];
        }

        return bytes.Trim(" \t\r\n"u8);
    }
}
