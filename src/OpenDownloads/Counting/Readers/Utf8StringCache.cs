using System.Buffers.Binary;
using System.Text;

namespace OpenDownloads.Counting.Readers;

/// <summary>
/// Turns UTF-8 bytes into a string, handing back the same string for the same bytes while it is still cached. A log
/// repeats most of its values (a few thousand user agents, a few hundred episodes, one IP for a listener's few
/// requests in a row), so a reader that asks here makes one string per distinct recent value instead of one per
/// field of every record: less transcoding, and much less garbage for the collector.
/// </summary>
/// <remarks>
/// Direct-mapped: each value has one slot, and a new value takes it over. Not thread-safe; a reader keeps its own.
/// </remarks>
internal sealed class Utf8StringCache
{
    /// <summary>Longer values are not cached: they are rare, and copying them would cost more than it saves.</summary>
    public const int MaxCachedBytes = 256;

    private const int SlotBits = 14;

    private readonly byte[]?[] _keys = new byte[1 << SlotBits][];
    private readonly string[] _values = new string[1 << SlotBits];

    /// <summary>Returns the string whose UTF-8 encoding is <paramref name="utf8"/>, which must be valid UTF-8.</summary>
    public string Get(ReadOnlySpan<byte> utf8)
    {
        if (utf8.IsEmpty)
        {
            return string.Empty;
        }

        if (utf8.Length > MaxCachedBytes)
        {
            return Encoding.UTF8.GetString(utf8);
        }

        var slot = Slot(utf8);
        if (_keys[slot] is { } key && utf8.SequenceEqual(key))
        {
            return _values[slot];
        }

        var value = Encoding.UTF8.GetString(utf8);
        _keys[slot] = utf8.ToArray();
        _values[slot] = value;
        return value;
    }

    // A multiply-and-rotate hash over 8 bytes at a time: the bytes are log text, not chosen by an attacker to collide
    // (and a collision only costs a cache miss), so speed matters more than strength.
    private static int Slot(ReadOnlySpan<byte> utf8)
    {
        const ulong Multiplier = 0x9E3779B97F4A7C15;
        var hash = (ulong)utf8.Length * Multiplier;
        while (utf8.Length >= 8)
        {
            hash = ulong.RotateLeft((hash ^ BinaryPrimitives.ReadUInt64LittleEndian(utf8)) * Multiplier, 29);
            utf8 = utf8[8..];
        }

        ulong tail = 0;
        for (var i = 0; i < utf8.Length; i++)
        {
            tail = (tail << 8) | utf8[i];
        }

        hash = (hash ^ tail) * Multiplier;
        return (int)(hash >> (64 - SlotBits));
    }
}
