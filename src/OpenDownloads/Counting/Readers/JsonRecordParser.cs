using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;

namespace OpenDownloads.Counting.Readers;

/// <summary>
/// Turns one JSON object (an event) into a <see cref="RawRecord"/>: strings as they are, numbers and booleans as
/// their JSON text, null as absent; nested objects and arrays are ignored, as oDL ignores unknown columns.
/// </summary>
internal static class JsonRecordParser
{
    private const string InvalidEscape =
        "The record has a string escape that is not valid UTF-16, such as a lone \\ud800.";

    private static readonly JsonReaderOptions Options = new() { CommentHandling = JsonCommentHandling.Skip };

    /// <summary>Reads one JSON object with the full reader.</summary>
    public static RawRecord Parse(ReadOnlySpan<byte> json, RecordLocation location, FieldMapping mapping) =>
        Utf8.IsValid(json)
            ? ParseChecked(json, location, mapping)
            : RawRecord.Unreadable(location, DescribeInvalidUtf8(json));

    /// <summary>
    /// Reads one JSON object of many, keeping what it learns in <paramref name="cache"/>: a flat object is read in
    /// one pass (<see cref="FlatJsonRecordScanner"/>), and only other lines go through the full reader.
    /// </summary>
    public static RawRecord Parse(ReadOnlySpan<byte> json, RecordLocation location, RecordParseCache cache)
    {
        if (Utf8.IsValid(json) is false)
        {
            return RawRecord.Unreadable(location, DescribeInvalidUtf8(json));
        }

        var flat = new RawRecord(location);
        return FlatJsonRecordScanner.TryRead(json, flat, cache) ? flat : ParseChecked(json, location, cache.Mapping);
    }

    // A record known to be valid UTF-8.
    private static RawRecord ParseChecked(ReadOnlySpan<byte> json, RecordLocation location, FieldMapping mapping)
    {
        try
        {
            return ParseValid(json, location, mapping);
        }
        catch (JsonException error)
        {
            return RawRecord.Unreadable(location, $"The record is not valid JSON: {JsonErrors.Describe(error)}");
        }
        catch (InvalidOperationException)
        {
            // Utf8JsonReader accepts an escaped lone surrogate such as \ud800 but cannot turn it into a string.
            return RawRecord.Unreadable(location, InvalidEscape);
        }
    }

    /// <summary>
    /// Builds a record from a JSON array row and the column names a header gave (OP3's json-a format).
    /// </summary>
    public static RawRecord ParseRow(
        ReadOnlySpan<byte> json,
        RecordLocation location,
        IReadOnlyList<OdlField?> columns)
    {
        try
        {
            return ParseValidRow(json, location, columns);
        }
        catch (InvalidOperationException)
        {
            return RawRecord.Unreadable(location, InvalidEscape);
        }
    }

    private static RawRecord ParseValidRow(
        ReadOnlySpan<byte> json,
        RecordLocation location,
        IReadOnlyList<OdlField?> columns)
    {
        var record = new RawRecord(location);
        var reader = new Utf8JsonReader(json, Options);
        reader.Read();
        var index = 0;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            var value = ReadValue(ref reader);
            if (index < columns.Count && columns[index] is { } field)
            {
                record[field] = value;
            }

            index++;
        }

        if (index != columns.Count)
        {
            record.ReadError = $"The row has {index} values; the headers name {columns.Count}.";
        }

        return record;
    }

    private static RawRecord ParseValid(ReadOnlySpan<byte> json, RecordLocation location, FieldMapping mapping)
    {
        var reader = new Utf8JsonReader(json, Options);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return RawRecord.Unreadable(location, "The record is not a JSON object; each event must be an object.");
        }

        var record = new RawRecord(location);
        Span<char> nameBuffer = stackalloc char[128];
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var field = ResolveName(ref reader, mapping, nameBuffer);
            reader.Read();
            if (field is not { } known)
            {
                reader.Skip();
                continue;
            }

            if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
            {
                return RawRecord.Unreadable(
                    location,
                    $"The field {FieldMapping.OdlName(known)} is a JSON {reader.TokenType}; expected a string or number.");
            }

            record[known] = ReadValue(ref reader);
        }

        if (reader.Read())
        {
            return RawRecord.Unreadable(location, "The record has more after its closing brace; one object per event.");
        }

        return record;
    }

    private static OdlField? ResolveName(ref Utf8JsonReader reader, FieldMapping mapping, scoped Span<char> buffer)
    {
        if (!reader.ValueIsEscaped && reader.ValueSpan.Length <= buffer.Length)
        {
            var length = Encoding.UTF8.GetChars(reader.ValueSpan, buffer);
            return mapping.Resolve(buffer[..length]);
        }

        return mapping.Resolve(reader.GetString()!);
    }

    private static string? ReadValue(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                return reader.GetString();
            case JsonTokenType.Number:
                return Encoding.UTF8.GetString(reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan);
            case JsonTokenType.True:
                return "true";
            case JsonTokenType.False:
                return "false";
            case JsonTokenType.StartObject:
            case JsonTokenType.StartArray:
                reader.Skip();
                return null;
            default:
                return null;
        }
    }

    private static string DescribeInvalidUtf8(ReadOnlySpan<byte> bytes)
    {
        var offset = 0;
        while (offset < bytes.Length)
        {
            var status = Rune.DecodeFromUtf8(bytes[offset..], out _, out var consumed);
            if (status != OperationStatus.Done)
            {
                break;
            }

            offset += consumed;
        }

        return $"The record is not valid UTF-8 (bad byte at offset {offset}); logs must be UTF-8 text.";
    }
}
