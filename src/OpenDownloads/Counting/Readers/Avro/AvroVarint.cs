using System.Buffers;

namespace OpenDownloads.Counting.Readers.Avro;

/// <summary>Decodes Avro's <c>int</c> and <c>long</c>: a little-endian base-128 varint of the zig-zag value.</summary>
internal static class AvroVarint
{
    /// <summary>The most bytes a 64-bit value takes.</summary>
    public const int MaxLength = 10;

    /// <summary>
    /// Decodes the varint at the start of <paramref name="source"/>. Returns <see cref="OperationStatus.NeedMoreData"/>
    /// when the source ends inside it and <see cref="OperationStatus.InvalidData"/> when it runs past ten bytes.
    /// </summary>
    public static OperationStatus TryRead(ReadOnlySpan<byte> source, out long value, out int consumed)
    {
        ulong raw = 0;
        var shift = 0;
        var limit = Math.Min(source.Length, MaxLength);
        for (var i = 0; i < limit; i++)
        {
            var b = source[i];
            raw |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                consumed = i + 1;
                value = (long)(raw >> 1) ^ -(long)(raw & 1);
                return OperationStatus.Done;
            }

            shift += 7;
        }

        consumed = 0;
        value = 0;
        return source.Length < MaxLength ? OperationStatus.NeedMoreData : OperationStatus.InvalidData;
    }

    /// <summary>The detail for a varint longer than any 64-bit value needs, to go into a larger message.</summary>
    public const string TooLongDetail = "expected a varint of at most 10 bytes but found a longer one";
}
