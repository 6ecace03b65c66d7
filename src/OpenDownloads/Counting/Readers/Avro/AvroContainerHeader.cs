using System.Text;

namespace OpenDownloads.Counting.Readers.Avro;

/// <summary>
/// The start of an object container file: the magic <c>Obj\x01</c>, a metadata map holding the schema and the
/// codec, and the 16-byte marker that ends every block.
/// </summary>
internal sealed class AvroContainerHeader
{
    /// <summary>The length of the sync marker.</summary>
    public const int SyncLength = 16;

    // Metadata entries hold a schema and a codec name; a bound keeps a corrupt length from claiming the heap.
    private const int MaxEntryBytes = 16 * 1024 * 1024;

    private readonly byte[] _sync;

    private AvroContainerHeader(AvroRecordSchema schema, AvroCodec codec, byte[] sync)
    {
        Schema = schema;
        Codec = codec;
        _sync = sync;
    }

    public AvroRecordSchema Schema { get; }

    public AvroCodec Codec { get; }

    public ReadOnlySpan<byte> Sync => _sync;

    /// <exception cref="InvalidDataException">The input is not an Avro container or its header is unusable.</exception>
    public static AvroContainerHeader Read(AvroInput input, string source)
    {
        Span<byte> magic = stackalloc byte[4];
        var length = input.ReadAtMost(magic);
        if (length < magic.Length || !magic.SequenceEqual("Obj\x01"u8))
        {
            throw new InvalidDataException(
                $"The input '{source}' is not an Avro object container: expected it to start with 'Obj\\x01' "
                + $"but it starts with {Describe(magic[..length])}.");
        }

        byte[]? schema = null;
        string? codec = null;
        var sync = new byte[SyncLength];
        try
        {
            ReadMetadata(input, ref schema, ref codec);
            input.ReadExactly(sync);
        }
        catch (EndOfStreamException e)
        {
            throw new InvalidDataException(
                $"The Avro file '{source}' ends inside its header; expected a metadata map and a sync marker.", e);
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException($"The Avro file '{source}' has a corrupt header: {e.Message}.", e);
        }

        if (schema is null)
        {
            throw new InvalidDataException($"The Avro file '{source}' has no 'avro.schema' in its header metadata.");
        }

        return new AvroContainerHeader(AvroSchemaParser.Parse(schema, source), ParseCodec(codec, source), sync);
    }

    private static void ReadMetadata(AvroInput input, ref byte[]? schema, ref string? codec)
    {
        // The map is a series of blocks ended by an empty one; a negative count is followed by the block's size.
        for (var count = input.ReadLong(); count != 0; count = input.ReadLong())
        {
            if (count < 0)
            {
                count = -count;
                input.ReadLong();
            }

            for (var i = 0L; i < count; i++)
            {
                var key = Encoding.UTF8.GetString(ReadEntry(input));
                var value = ReadEntry(input);
                if (key == "avro.schema")
                {
                    schema = value;
                }
                else if (key == "avro.codec")
                {
                    codec = Encoding.UTF8.GetString(value);
                }
            }
        }
    }

    private static byte[] ReadEntry(AvroInput input)
    {
        var length = input.ReadLong();
        if (length is < 0 or > MaxEntryBytes)
        {
            throw new InvalidDataException(
                $"a metadata entry claims {length} bytes where 0 to {MaxEntryBytes} were expected");
        }

        var entry = new byte[length];
        input.ReadExactly(entry);
        return entry;
    }

    private static AvroCodec ParseCodec(string? codec, string source) => codec switch
    {
        null or "null" => AvroCodec.Null,
        "deflate" => AvroCodec.Deflate,
        _ => throw new InvalidDataException(
            $"The Avro file '{source}' uses the codec '{codec}', which this reader does not support; "
            + "supported codecs are: null, deflate."),
    };

    private static string Describe(ReadOnlySpan<byte> start) =>
        start.IsEmpty ? "nothing (it is empty)" : $"0x{Convert.ToHexString(start)}";
}
