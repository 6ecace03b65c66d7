using System.Buffers;
using System.Buffers.Binary;

namespace OpenDownloads.Counting.Readers.Avro;

/// <summary>
/// Decodes Avro binary values from a block's bytes. Every read is bounded by the block; running past it throws
/// <see cref="InvalidDataException"/> with a detail saying what was expected, for the caller to place.
/// </summary>
internal ref struct AvroDatumReader
{
    private readonly ReadOnlySpan<byte> _data;

    public AvroDatumReader(ReadOnlySpan<byte> data)
    {
        _data = data;
    }

    /// <summary>Gets how many bytes have been read.</summary>
    public int Position { get; private set; }

    public long ReadLong()
    {
        var status = AvroVarint.TryRead(_data[Position..], out var value, out var consumed);
        if (status != OperationStatus.Done)
        {
            throw new InvalidDataException(status == OperationStatus.NeedMoreData
                ? "expected a varint but the block ends inside it"
                : AvroVarint.TooLongDetail);
        }

        Position += consumed;
        return value;
    }

    public bool ReadBoolean()
    {
        var value = Take(1, "a boolean byte")[0];
        return value switch
        {
            0 => false,
            1 => true,
            _ => throw new InvalidDataException($"expected a boolean byte of 0 or 1 but found {value}"),
        };
    }

    public float ReadFloat() => BinaryPrimitives.ReadSingleLittleEndian(Take(sizeof(float), "a 4-byte float"));

    public double ReadDouble() => BinaryPrimitives.ReadDoubleLittleEndian(Take(sizeof(double), "an 8-byte double"));

    /// <summary>Reads the length-prefixed bytes of a <c>string</c> or <c>bytes</c> without copying them.</summary>
    public ReadOnlySpan<byte> ReadBytes()
    {
        var length = ReadLong();
        if (length < 0 || length > _data.Length - Position)
        {
            var left = _data.Length - Position;
            throw new InvalidDataException($"expected a length from 0 to the {left} bytes left but found {length}");
        }

        return Take((int)length, "text");
    }

    /// <summary>Moves past a value that nobody asked for.</summary>
    public void Skip(AvroPrimitive type)
    {
        switch (type)
        {
            case AvroPrimitive.Boolean:
                ReadBoolean();
                break;
            case AvroPrimitive.Int or AvroPrimitive.Long:
                ReadLong();
                break;
            case AvroPrimitive.Float:
                Take(sizeof(float), "a 4-byte float");
                break;
            case AvroPrimitive.Double:
                Take(sizeof(double), "an 8-byte double");
                break;
            case AvroPrimitive.String or AvroPrimitive.Bytes:
                ReadBytes();
                break;
        }
    }

    private ReadOnlySpan<byte> Take(int count, string expected)
    {
        if (count > _data.Length - Position)
        {
            throw new InvalidDataException(
                $"expected {expected} but only {_data.Length - Position} bytes are left in the block");
        }

        var taken = _data.Slice(Position, count);
        Position += count;
        return taken;
    }
}
