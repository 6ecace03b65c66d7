using System.Text.Encodings.Web;
using System.Text.Json;
using OpenDownloads.Counting.Readers;

namespace OpenDownloads.Streaming.Input;

/// <summary>Writes a record as one oDL event object, the body a producer sends for it, with oDL's field
/// names.</summary>
public static class OdlEventJson
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Returns the UTF-8 JSON object of the fields <paramref name="record"/> carries.</summary>
    public static byte[] Serialize(RawRecord record) => Serialize(record, FieldMapping.Default);

    /// <summary>
    /// Returns the UTF-8 JSON object of the fields <paramref name="record"/> carries, each named so that
    /// <paramref name="mapping"/> reads it back as the same field: a field the user mapped is written under the
    /// user's source name, since the mapping ignores oDL's own name for it.
    /// </summary>
    public static byte[] Serialize(RawRecord record, FieldMapping mapping)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(mapping);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, Options))
        {
            writer.WriteStartObject();
            foreach (var field in Enum.GetValues<OdlField>())
            {
                if (record[field] is { } value)
                {
                    writer.WriteString(mapping.SourceNameFor(field), value);
                }
            }

            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }
}
