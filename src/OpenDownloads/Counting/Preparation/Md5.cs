using System.Buffers.Binary;
using System.Numerics;

namespace OpenDownloads.Counting.Preparation;

/// <summary>
/// MD5 (RFC 1321) in managed code, for the short inputs oDL hashes: an IP with its salt for every request, and two
/// ids for every download. On Linux the framework's MD5 goes through OpenSSL, whose set-up costs about a
/// microsecond a call, several times the hash itself; at hundreds of millions of requests a day that is most of
/// the counter's time. Checked against the framework's MD5 by the tests.
/// </summary>
internal static class Md5
{
    private const int BlockBytes = 64;

    private static readonly int[] Shifts =
    [
        7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22,
        5, 9, 14, 20, 5, 9, 14, 20, 5, 9, 14, 20, 5, 9, 14, 20,
        4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23,
        6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21,
    ];

    // RFC 1321's table: the integer part of 2^32 * |sin(i + 1)|, which doubles give exactly for these 64 values.
    private static readonly uint[] Sines = [.. Enumerable.Range(0, 64)
        .Select(i => (uint)(long)Math.Floor(Math.Abs(Math.Sin(i + 1)) * 4294967296.0))];

    /// <summary>Writes the 16-byte MD5 of <paramref name="data"/> into <paramref name="hash"/>.</summary>
    public static void HashData(ReadOnlySpan<byte> data, Span<byte> hash)
    {
        Span<uint> state = [0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476];
        var whole = data.Length - (data.Length % BlockBytes);
        for (var offset = 0; offset < whole; offset += BlockBytes)
        {
            Compress(state, data.Slice(offset, BlockBytes));
        }

        // The tail, 0x80, zeros, and the length in bits: one block, or two when the tail leaves no room.
        Span<byte> last = stackalloc byte[2 * BlockBytes];
        last.Clear();
        var tail = data[whole..];
        tail.CopyTo(last);
        last[tail.Length] = 0x80;
        var lastLength = tail.Length + 1 + 8 <= BlockBytes ? BlockBytes : 2 * BlockBytes;
        BinaryPrimitives.WriteUInt64LittleEndian(last[(lastLength - 8)..], (ulong)data.Length * 8);
        for (var offset = 0; offset < lastLength; offset += BlockBytes)
        {
            Compress(state, last.Slice(offset, BlockBytes));
        }

        for (var i = 0; i < 4; i++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(hash[(4 * i)..], state[i]);
        }
    }

    private static void Compress(Span<uint> state, ReadOnlySpan<byte> block)
    {
        Span<uint> words = stackalloc uint[16];
        for (var i = 0; i < 16; i++)
        {
            words[i] = BinaryPrimitives.ReadUInt32LittleEndian(block[(4 * i)..]);
        }

        uint a = state[0], b = state[1], c = state[2], d = state[3];
        for (var i = 0; i < 64; i++)
        {
            uint f;
            int g;
            switch (i >> 4)
            {
                case 0:
                    f = (b & c) | (~b & d);
                    g = i;
                    break;
                case 1:
                    f = (d & b) | (~d & c);
                    g = ((5 * i) + 1) & 15;
                    break;
                case 2:
                    f = b ^ c ^ d;
                    g = ((3 * i) + 5) & 15;
                    break;
                default:
                    f = c ^ (b | ~d);
                    g = (7 * i) & 15;
                    break;
            }

            f += a + Sines[i] + words[g];
            a = d;
            d = c;
            c = b;
            b += BitOperations.RotateLeft(f, Shifts[i]);
        }

        state[0] += a;
        state[1] += b;
        state[2] += c;
        state[3] += d;
    }
}
