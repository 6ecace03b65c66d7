using System.Buffers;
using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Unicode;

namespace OpenDownloads.Streaming.Groups;

/// <summary>
/// The binary form of a <see cref="GroupEntry"/>: a flags byte (bit 0: qualifies), the earliest request's UTC ticks
/// (8 bytes, little-endian), then the encoded IP, user agent, episode and earliest referer, each as a 7-bit varint
/// header (byte length times two, plus one when the bytes are UTF-16) and its bytes. A string is UTF-8 unless it
/// holds a lone surrogate, which UTF-8 cannot carry: such a string goes as UTF-16 so it reads back exactly and never
/// merges with another group.
/// </summary>
internal static class GroupEntryCodec
{
    private const int FixedBytes = 1 + sizeof(long);

    public static void Write(IBufferWriter<byte> writer, in GroupEntry entry)
    {
        var head = writer.GetSpan(FixedBytes);
        head[0] = entry.State.Qualifies ? (byte)1 : (byte)0;
        BinaryPrimitives.WriteInt64LittleEndian(head[1..], entry.State.EarliestTicks);
        writer.Advance(FixedBytes);
        WriteString(writer, entry.EncodedIp);
        WriteString(writer, entry.UserAgent);
        WriteString(writer, entry.EpisodeId);
        WriteString(writer, entry.State.EarliestReferer);
    }

    /// <summary>Reads one entry at the start of <paramref name="source"/> and moves past it.</summary>
    /// <exception cref="FormatException">The bytes end inside the entry or a string header is broken.</exception>
    public static GroupEntry Read(ref ReadOnlySpan<byte> source)
    {
        if (source.Length < FixedBytes || source[0] > 1)
        {
            throw new FormatException(
                $"A listener-group entry needs a flags byte of 0 or 1 and 8 bytes of ticks; {source.Length} bytes are left.");
        }

        var qualifies = source[0] == 1;
        var ticks = BinaryPrimitives.ReadInt64LittleEndian(source[1..]);
        source = source[FixedBytes..];
        var ip = ReadString(ref source);
        var agent = ReadString(ref source);
        var episode = ReadString(ref source);
        var referer = ReadString(ref source);
        return new GroupEntry(ip, agent, episode, new GroupState(qualifies, ticks, referer));
    }

    private static void WriteString(IBufferWriter<byte> writer, string value)
    {
        var maxUtf8 = Encoding.UTF8.GetMaxByteCount(value.Length);
        var span = writer.GetSpan(5 + maxUtf8);
        var status = Utf8.FromUtf16(value, span[5..], out _, out var written, replaceInvalidSequences: false);
        var isUtf16 = status != OperationStatus.Done;
        if (isUtf16)
        {
            written = value.Length * sizeof(char);
            MemoryMarshal.AsBytes(value.AsSpan()).CopyTo(span[5..]);
        }

        var headerLength = WriteVarint(span, ((long)written << 1) | (isUtf16 ? 1L : 0L));
        if (headerLength < 5)
        {
            span.Slice(5, written).CopyTo(span[headerLength..]);
        }

        writer.Advance(headerLength + written);
    }

    private static string ReadString(ref ReadOnlySpan<byte> source)
    {
        var header = ReadVarint(ref source);
        var length = header >> 1;
        if (length > source.Length)
        {
            throw new FormatException(
                $"A listener-group string says it has {length} bytes; only {source.Length} are left.");
        }

        var bytes = source[..(int)length];
        source = source[(int)length..];
        if ((header & 1) == 0)
        {
            return Encoding.UTF8.GetString(bytes);
        }

        if (length % 2 != 0)
        {
            throw new FormatException($"A UTF-16 listener-group string has an odd byte length, {length}.");
        }

        return new string(MemoryMarshal.Cast<byte, char>(bytes));
    }

    private static int WriteVarint(Span<byte> span, long value)
    {
        var i = 0;
        while (value >= 0x80)
        {
            span[i++] = (byte)(value | 0x80);
            value >>= 7;
        }

        span[i++] = (byte)value;
        return i;
    }

    private static long ReadVarint(ref ReadOnlySpan<byte> source)
    {
        long value = 0;
        for (var shift = 0; shift < 35; shift += 7)
        {
            if (source.IsEmpty)
            {
                throw new FormatException("A listener-group string header ends before its last byte.");
            }

            var next = source[0];
            source = source[1..];
            value |= (long)(next & 0x7F) << shift;
            if (next < 0x80)
            {
                return value;
            }
        }

        throw new FormatException("A listener-group string header is longer than 5 bytes.");
    }
}
