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
/// Direct-mapped: each value has one slot, and a new value takes it over. A slot keeps the value's hash beside the
/// string and the string is compared with the bytes themselves, so a look-up touches two places in memory, not
/// four. Only ASCII values are kept, as only they compare byte for character; logs are nearly all ASCII. Not
/// thread-safe; a reader keeps its own.
/// </remarks>
internal sealed class Utf8StringCache
{
    /// <summary>Longer values are not cached: they are rare, and copying them would cost more than it saves.</summary>
    public const int MaxCachedBytes = 256;

    private const int SlotBits = 14;

    private readonly (ulong Hash, string? Value)[] _slots = new (ulong, string?)[1 << SlotBits];

    /// <summary>Returns the string whose UTF-8 encoding is <paramref name="utf8"/> (valid UTF-8).</summary>
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

        var hash = Hash(utf8);
        ref var slot = ref _slots[(int)(hash >> (64 - SlotBits))];
        if (slot.Hash == hash && slot.Value is { } cached && Ascii.Equals(utf8, cached))
        {
            return cached;
        }

        var value = Encoding.UTF8.GetString(utf8);
        if (value.Length == utf8.Length)
        {
            // As many characters as bytes: the value is ASCII.
            slot = (hash, value);
        }

        return value;
    }

    // A multiply-and-rotate hash over 8 bytes at a time: the bytes are log text, not chosen by an attacker to collide
    // (and a collision only costs a cache miss), so speed matters more than strength.
    private static ulong Hash(ReadOnlySpan<byte> utf8)
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

        return (hash ^ tail) * Multiplier;
    }
}
