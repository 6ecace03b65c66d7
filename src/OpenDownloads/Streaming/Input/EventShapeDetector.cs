using System.Text.Json;

namespace OpenDownloads.Streaming.Input;

/// <summary>
/// Tells an event body's shape from its bytes: JSON objects by their top-level property names, arrays as
/// documents, and anything that is not JSON as combined log lines.
/// </summary>
public static class EventShapeDetector
{
    /// <summary>Returns the shape of <paramref name="body"/>.</summary>
    public static EventShape Detect(ReadOnlySpan<byte> body)
    {
        var text = TrimStart(body);
        if (text.IsEmpty)
        {
            return EventShape.CombinedLog;
        }

        return text[0] switch
        {
            (byte)'[' => EventShape.JsonDocument,
            (byte)'{' => DetectObject(text),
            _ => EventShape.CombinedLog,
        };
    }

    /// <summary>Returns <paramref name="body"/> without a UTF-8 byte-order mark or leading white space.</summary>
    internal static ReadOnlySpan<byte> TrimStart(ReadOnlySpan<byte> body)
    {
        if (body.StartsWith("\uFEFF"u8))
        {
            body = body[3..];
        }

        return body.TrimStart(" \t\r\n"u8);
    }

    private static EventShape DetectObject(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
        try
        {
            reader.Read();
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isRecords = reader.ValueTextEquals("records"u8);
                var isRows = reader.ValueTextEquals("rows"u8) || reader.ValueTextEquals("headers"u8);
                reader.Read();
                // A records that is not an array is still meant as an envelope, and rejected as a broken one.
                if (isRecords || (isRows && reader.TokenType == JsonTokenType.StartArray))
                {
                    return isRecords ? EventShape.AzureMonitor : EventShape.JsonDocument;
                }

                reader.Skip();
            }
        }
        catch (JsonException)
        {
            // Broken or cut JSON: the event reader rejects it with the parser's own message.
        }

        return EventShape.JsonEvents;
    }
}
