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

    // RFC 1321's four rounds of sixteen steps, four steps to a line of the loop so that the shifts are constants.
    private static void Compress(Span<uint> state, ReadOnlySpan<byte> block)
    {
        Span<uint> x = stackalloc uint[16];
        for (var i = 0; i < 16; i++)
        {
            x[i] = BinaryPrimitives.ReadUInt32LittleEndian(block[(4 * i)..]);
        }

        var t = Sines;
        uint a = state[0], b = state[1], c = state[2], d = state[3];
        for (var i = 0; i < 16; i += 4)
        {
            a = b + BitOperations.RotateLeft(a + ((b & c) | (~b & d)) + x[i] + t[i], 7);
            d = a + BitOperations.RotateLeft(d + ((a & b) | (~a & c)) + x[i + 1] + t[i + 1], 12);
            c = d + BitOperations.RotateLeft(c + ((d & a) | (~d & b)) + x[i + 2] + t[i + 2], 17);
            b = c + BitOperations.RotateLeft(b + ((c & d) | (~c & a)) + x[i + 3] + t[i + 3], 22);
        }

        for (var i = 16; i < 32; i += 4)
        {
            a = b + BitOperations.RotateLeft(a + ((b & d) | (c & ~d)) + x[((5 * i) + 1) & 15] + t[i], 5);
            d = a + BitOperations.RotateLeft(d + ((a & c) | (b & ~c)) + x[((5 * i) + 6) & 15] + t[i + 1], 9);
            c = d + BitOperations.RotateLeft(c + ((d & b) | (a & ~b)) + x[((5 * i) + 11) & 15] + t[i + 2], 14);
            b = c + BitOperations.RotateLeft(b + ((c & a) | (d & ~a)) + x[((5 * i) + 16) & 15] + t[i + 3], 20);
        }

        for (var i = 32; i < 48; i += 4)
        {
            a = b + BitOperations.RotateLeft(a + (b ^ c ^ d) + x[((3 * i) + 5) & 15] + t[i], 4);
            d = a + BitOperations.RotateLeft(d + (a ^ b ^ c) + x[((3 * i) + 8) & 15] + t[i + 1], 11);
            c = d + BitOperations.RotateLeft(c + (d ^ a ^ b) + x[((3 * i) + 11) & 15] + t[i + 2], 16);
            b = c + BitOperations.RotateLeft(b + (c ^ d ^ a) + x[((3 * i) + 14) & 15] + t[i + 3], 23);
        }

        for (var i = 48; i < 64; i += 4)
        {
            a = b + BitOperations.RotateLeft(a + (c ^ (b | ~d)) + x[(7 * i) & 15] + t[i], 6);
            d = a + BitOperations.RotateLeft(d + (b ^ (a | ~c)) + x[((7 * i) + 7) & 15] + t[i + 1], 10);
            c = d + BitOperations.RotateLeft(c + (a ^ (d | ~b)) + x[((7 * i) + 14) & 15] + t[i + 2], 15);
            b = c + BitOperations.RotateLeft(b + (d ^ (c | ~a)) + x[((7 * i) + 21) & 15] + t[i + 3], 21);
        }

        state[0] += a;
        state[1] += b;
        state[2] += c;
        state[3] += d;
    }
}
