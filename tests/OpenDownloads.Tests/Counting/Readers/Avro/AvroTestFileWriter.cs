using System.Buffers.Binary;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using OpenDownloads.Benchmarks.Generation;

namespace OpenDownloads.Tests.Counting.Readers.Avro;

/// <summary>
/// Writes small Avro object container files from the spec alone, so that the reader is not tested against itself.
/// Values are matched to a union's first branch that can hold them: null, text or byte arrays, booleans, whole
/// numbers, or floating-point numbers.
/// </summary>
internal sealed class AvroTestFileWriter
{
    private readonly string _schemaJson;
    private readonly string[][] _fieldTypes;

    public AvroTestFileWriter(string schemaJson)
    {
        _schemaJson = schemaJson;
        using var schema = JsonDocument.Parse(schemaJson);
        _fieldTypes = schema.RootElement.TryGetProperty("fields", out var fields)
            ? [.. fields.EnumerateArray().Select(field => TypeNames(field.GetProperty("type")))]
            : [];
    }

    /// <summary>Gets the marker ending the header and every block.</summary>
    public static byte[] SyncMarker { get; } = [.. "0123456789abcdef"u8];

    public string Codec { get; init; } = "null";

    /// <summary>Builds a record schema from field names and types in JSON, such as <c>["int","null"]</c>.</summary>
    public static string Schema(string recordName, params (string Name, string Type)[] fields) =>
        $$"""{"type": "record", "name": "{{recordName}}", "fields": [{{string.Join(", ", fields.Select(Field))}}]}""";

    public int RecordsPerBlock { get; init; } = 100;

    /// <summary>Writes the records, <see cref="RecordsPerBlock"/> to a block, compressed as the codec says.</summary>
    public byte[] Write(params object?[][] records)
    {
        var blocks = records.Chunk(RecordsPerBlock).Select(chunk => ((long)chunk.Length, Compress(Encode(chunk))));
        return WriteRawBlocks([.. blocks]);
    }

    /// <summary>Writes blocks whose record counts and bytes are taken as given, to build broken files.</summary>
    public byte[] WriteRawBlocks(params (long Count, byte[] Data)[] blocks)
    {
        using var output = new MemoryStream();
        output.Write("Obj\x01"u8);
        AvroPrimitives.WriteLong(output, 2);
        AvroPrimitives.WriteText(output, "avro.schema");
        AvroPrimitives.WriteText(output, _schemaJson);
        AvroPrimitives.WriteText(output, "avro.codec");
        AvroPrimitives.WriteText(output, Codec);
        AvroPrimitives.WriteLong(output, 0);
        output.Write(SyncMarker);
        foreach (var (count, data) in blocks)
        {
            AvroPrimitives.WriteLong(output, count);
            AvroPrimitives.WriteLong(output, data.Length);
            output.Write(data);
            output.Write(SyncMarker);
        }

        return output.ToArray();
    }

    private static string Field((string Name, string Type) field) =>
        $$"""{"name": "{{field.Name}}", "type": {{field.Type}}}""";

    private static string[] TypeNames(JsonElement type) => type.ValueKind switch
    {
        JsonValueKind.Array => [.. type.EnumerateArray().Select(branch => branch.ToString())],
        _ => [type.ToString()],
    };

    private static void WriteValue(Stream output, string[] types, object? value)
    {
        var branch = types.Length == 1 ? 0 : Array.FindIndex(types, type => Holds(type, value));
        if (types.Length > 1)
        {
            AvroPrimitives.WriteLong(output, branch);
        }

        switch (types[branch])
        {
            case "null":
                break;
            case "boolean":
                output.WriteByte((bool)value! ? (byte)1 : (byte)0);
                break;
            case "int" or "long":
                AvroPrimitives.WriteLong(output, Convert.ToInt64(value, CultureInfo.InvariantCulture));
                break;
            case "float":
                Span<byte> single = stackalloc byte[sizeof(float)];
                BinaryPrimitives.WriteSingleLittleEndian(single, Convert.ToSingle(value, CultureInfo.InvariantCulture));
                output.Write(single);
                break;
            case "double":
                Span<byte> pair = stackalloc byte[sizeof(double)];
                BinaryPrimitives.WriteDoubleLittleEndian(pair, Convert.ToDouble(value, CultureInfo.InvariantCulture));
                output.Write(pair);
                break;
            default:
                var bytes = value as byte[] ?? Encoding.UTF8.GetBytes((string)value!);
                AvroPrimitives.WriteLong(output, bytes.Length);
                output.Write(bytes);
                break;
        }
    }

    private static bool Holds(string type, object? value) => (type, value) switch
    {
        ("null", null) => true,
        ("string" or "bytes", string or byte[]) => true,
        ("boolean", bool) => true,
        ("int" or "long", int or long) => true,
        ("float" or "double", float or double) => true,
        _ => false,
    };


    private byte[] Encode(object?[][] records)
    {
        using var output = new MemoryStream();
        foreach (var record in records)
        {
            for (var i = 0; i < _fieldTypes.Length; i++)
            {
                WriteValue(output, _fieldTypes[i], record[i]);
            }
        }

        return output.ToArray();
    }

    private byte[] Compress(byte[] data)
    {
        if (Codec != "deflate")
        {
            return data;
        }

        using var output = new MemoryStream();
        using (var deflater = new DeflateStream(output, CompressionLevel.Optimal))
        {
            deflater.Write(data);
        }

        return output.ToArray();
    }
}
