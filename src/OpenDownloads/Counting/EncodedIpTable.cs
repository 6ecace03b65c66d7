using System.Buffers.Binary;
using System.Globalization;

namespace OpenDownloads.Counting;

/// <summary>
/// Gives each distinct encoded IP a small id, like <see cref="StringTable"/>, but keeps the usual kind, 32 lower-case
/// hex digits of an MD5, as a 16-byte number instead of a string: the IPs are most of a count's distinct strings,
/// and this cuts what each costs from about 125 bytes to about 50. Other encoded IPs (a source's own hashes) are
/// kept as strings, with negative ids. Either way the id gives back the exact text.
/// </summary>
internal sealed class EncodedIpTable
{
    private const int HexLength = 32;

    private readonly Dictionary<UInt128, int> _hashIds = [];
    private readonly List<UInt128> _hashes = [];
    private readonly StringTable _others = new();

    public int GetId(string encodedIp)
    {
        if (!TryParseHash(encodedIp, out var hash))
        {
            return -1 - _others.GetId(encodedIp);
        }

        if (!_hashIds.TryGetValue(hash, out var id))
        {
            id = _hashes.Count;
            _hashIds.Add(hash, id);
            _hashes.Add(hash);
        }

        return id;
    }

    public string this[int id] => id < 0 ? _others[-1 - id] : Text(id, stackalloc char[HexLength]).ToString();

    /// <summary>Returns the text of an id, written into <paramref name="buffer"/> (32 chars) when it is a hash.</summary>
    public ReadOnlySpan<char> Text(int id, Span<char> buffer)
    {
        if (id < 0)
        {
            return _others[-1 - id];
        }

        Span<byte> bytes = stackalloc byte[16];
        BinaryPrimitives.WriteUInt128BigEndian(bytes, _hashes[id]);
        Convert.TryToHexStringLower(bytes, buffer, out var written);
        return buffer[..written];
    }

    // Only lower-case digits: upper case would not give the same text back.
    private static bool TryParseHash(string text, out UInt128 hash)
    {
        hash = default;
        if (text.Length != HexLength)
        {
            return false;
        }

        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c) && c is not (>= 'a' and <= 'f'))
            {
                return false;
            }
        }

        return UInt128.TryParse(text, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out hash);
    }
}
