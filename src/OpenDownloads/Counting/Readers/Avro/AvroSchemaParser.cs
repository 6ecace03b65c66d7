using System.Collections.Immutable;
using System.Text.Json;

namespace OpenDownloads.Counting.Readers.Avro;

/// <summary>
/// Reads a container's <c>avro.schema</c>: a record whose fields are primitives or unions of primitives, which is
/// all oDL writes. Names are not checked, because oDL's own record name is not a valid Avro name.
/// </summary>
internal static class AvroSchemaParser
{
    private const string Supported = "null, boolean, int, long, float, double, string, bytes or a union of them";

    private static readonly Dictionary<string, AvroPrimitive> Primitives = new(StringComparer.Ordinal)
    {
        ["null"] = AvroPrimitive.Null,
        ["boolean"] = AvroPrimitive.Boolean,
        ["int"] = AvroPrimitive.Int,
        ["long"] = AvroPrimitive.Long,
        ["float"] = AvroPrimitive.Float,
        ["double"] = AvroPrimitive.Double,
        ["string"] = AvroPrimitive.String,
        ["bytes"] = AvroPrimitive.Bytes,
    };

    /// <exception cref="InvalidDataException">The schema is not a JSON record or has an unsupported field.</exception>
    public static AvroRecordSchema Parse(ReadOnlyMemory<byte> json, string source)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException(
                $"The Avro file '{source}' has a schema that is not valid JSON: {e.Message}", e);
        }

        using (document)
        {
            return ParseRecord(document.RootElement, source);
        }
    }

    private static AvroRecordSchema ParseRecord(JsonElement root, string source)
    {
        if (TypeName(root) != "record" || !root.TryGetProperty("fields", out var fields)
            || fields.ValueKind != JsonValueKind.Array)
        {
            throw new InvalidDataException(
                $"The Avro file '{source}' has the schema {Abbreviate(root)}; expected a record with a fields array.");
        }

        var name = root.TryGetProperty("name", out var nameElement) && nameElement.ValueKind == JsonValueKind.String
            ? nameElement.GetString()!
            : string.Empty;
        var parsed = ImmutableArray.CreateBuilder<AvroFieldSchema>(fields.GetArrayLength());
        foreach (var field in fields.EnumerateArray())
        {
            parsed.Add(ParseField(field, source));
        }

        return new AvroRecordSchema(name, parsed.MoveToImmutable());
    }

    private static AvroFieldSchema ParseField(JsonElement field, string source)
    {
        if (field.ValueKind != JsonValueKind.Object
            || !field.TryGetProperty("name", out var nameElement) || nameElement.ValueKind != JsonValueKind.String
            || !field.TryGetProperty("type", out var type))
        {
            throw new InvalidDataException(
                $"The Avro file '{source}' has the field {Abbreviate(field)}; expected a name and a type.");
        }

        var name = nameElement.GetString()!;
        if (type.ValueKind != JsonValueKind.Array)
        {
            var single = ParsePrimitive(type) ?? throw Unsupported(source, name, Abbreviate(type));
            return new AvroFieldSchema(name, [single], IsUnion: false);
        }

        var branches = ImmutableArray.CreateBuilder<AvroPrimitive>(type.GetArrayLength());
        foreach (var branch in type.EnumerateArray())
        {
            branches.Add(ParsePrimitive(branch)
                ?? throw Unsupported(source, name, $"a union with the branch {Abbreviate(branch)}"));
        }

        return new AvroFieldSchema(name, branches.MoveToImmutable(), IsUnion: true);
    }

    // A primitive may be written as a bare name or as an object such as {"type": "long", "logicalType": ...};
    // logical types are read as their underlying primitive.
    private static AvroPrimitive? ParsePrimitive(JsonElement type) =>
        TypeName(type) is { } name && Primitives.TryGetValue(name, out var primitive) ? primitive : null;

    private static string? TypeName(JsonElement type) => type.ValueKind switch
    {
        JsonValueKind.String => type.GetString(),
        JsonValueKind.Object when type.TryGetProperty("type", out var inner) && inner.ValueKind == JsonValueKind.String
            => inner.GetString(),
        _ => null,
    };

    private static InvalidDataException Unsupported(string source, string field, string type) =>
        new($"The Avro file '{source}' has the field '{field}' of type {type}, which this reader does not support; "
            + $"expected {Supported}.");

    private static string Abbreviate(JsonElement element)
    {
        const int MaxLength = 80;
        var text = element.GetRawText();
        return text.Length <= MaxLength ? text : string.Concat(text.AsSpan(0, MaxLength), "...");
    }
}
