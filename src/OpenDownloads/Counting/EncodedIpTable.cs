using System.Buffers.Binary;

namespace OpenDownloads.Counting;

/// <summary>
/// Turns an encoded IP into the part of a listener key that stands for it, and back into its exact text. The usual
/// kind, 32 lower-case hex digits of an MD5, becomes its 16 bytes (as two numbers) and needs no table at all: the
/// group table keys on them directly, one lookup per request instead of two, and a distinct IP costs no entry of its
/// own. Other encoded IPs (a source's own hashes) are kept here as strings, by id.
/// </summary>
internal sealed class EncodedIpTable
{
    /// <summary>The other-id of an encoded IP that is an MD5 kept as its bytes.</summary>
    public const int Hashed = -1;

    private const int HexLength = 32;

    private readonly StringTable _others = new();

    /// <summary>Returns the key parts of <paramref name="encodedIp"/>.</summary>
    public void Encode(string encodedIp, out ulong high, out ulong low, out int otherId)
    {
        if (TryParseHash(encodedIp, out high, out low))
        {
            otherId = Hashed;
            return;
        }

        // The parse may have stopped part-way (an upper-case hash): another encoded IP has no hash bytes.
        high = 0;
        low = 0;
        otherId = _others.GetId(encodedIp);
    }

    /// <summary>Returns the text of the key parts; a hash is written into <paramref name="buffer"/>.</summary>
    public ReadOnlySpan<char> Text(ulong high, ulong low, int otherId, Span<char> buffer)
    {
        if (otherId != Hashed)
        {
            return _others[otherId];
        }

        Span<byte> bytes = stackalloc byte[16];
        BinaryPrimitives.WriteUInt64BigEndian(bytes, high);
        BinaryPrimitives.WriteUInt64BigEndian(bytes[8..], low);
        Convert.TryToHexStringLower(bytes, buffer, out var written);
        return buffer[..written];
    }

    /// <summary>Returns the text of the key parts as a string.</summary>
    public string this[ulong high, ulong low, int otherId] =>
        otherId != Hashed ? _others[otherId] : Text(high, low, otherId, stackalloc char[HexLength]).ToString();

    // Only lower-case digits: upper case would not give the same text back. One pass, as this runs per request.
    private static bool TryParseHash(string text, out ulong high, out ulong low)
    {
        high = 0;
        low = 0;
        if (text.Length != HexLength)
        {
            return false;
        }

        for (var i = 0; i < HexLength / 2; i++)
        {
            var upper = HexDigit(text[i]);
            var lower = HexDigit(text[i + (HexLength / 2)]);
            if ((upper | lower) < 0)
            {
                return false;
            }

            high = (high << 4) | (uint)upper;
            low = (low << 4) | (uint)lower;
        }

        return true;
    }

    private static int HexDigit(char c)
    {
        if ((uint)(c - '0') <= 9)
        {
            return c - '0';
        }

        return (uint)(c - 'a') <= 5 ? c - 'a' + 10 : -1;
    }
}
