namespace OpenDownloads.Counting.Preparation;

/// <summary>
/// Reads the everyday text of an IPv6 address, eight groups of one to four hex digits or fewer around one
/// <c>::</c>, straight into its number (big-endian, as <see cref="Datacenters.IpAddressSpace"/> lays IPv6 out),
/// without the object <see cref="System.Net.IPAddress"/> makes. Anything else (an embedded IPv4 part, a zone, a
/// bracket, a stray colon) is declined, and the caller takes the strict way: what this accepts, that accepts too,
/// as the same address.
/// </summary>
internal static class PlainIpv6Parser
{
    private const int Groups = 8;

    public static bool TryParse(ReadOnlySpan<char> text, out UInt128 address)
    {
        address = 0;
        if (text.Length < 2 || text.Length > 39)
        {
            return false;
        }

        // The groups before "::" go into head, those after it into tail; without "::" all are in head.
        Span<ushort> head = stackalloc ushort[Groups];
        Span<ushort> tail = stackalloc ushort[Groups];
        var headCount = 0;
        var tailCount = 0;
        var compressed = text.StartsWith("::");
        var i = compressed ? 2 : 0;
        while (i < text.Length)
        {
            if (!TryGroup(text, ref i, out var group) || (compressed ? tailCount : headCount) == Groups)
            {
                return false;
            }

            (compressed ? tail : head)[compressed ? tailCount++ : headCount++] = group;
            if (i == text.Length)
            {
                break;
            }

            if (text[i] != ':' || ++i == text.Length)
            {
                return false;
            }

            if (text[i] == ':')
            {
                if (compressed)
                {
                    return false;
                }

                compressed = true;
                i++;
            }
        }

        var written = headCount + tailCount;
        if (compressed ? written > Groups - 1 : written != Groups)
        {
            return false;
        }

        UInt128 value = 0;
        foreach (var group in head[..headCount])
        {
            value = (value << 16) | group;
        }

        value <<= 16 * (Groups - written);
        foreach (var group in tail[..tailCount])
        {
            value = (value << 16) | group;
        }

        address = value;
        return true;
    }

    // One to four hex digits, and no fifth.
    private static bool TryGroup(ReadOnlySpan<char> text, ref int i, out ushort group)
    {
        var start = i;
        var value = 0;
        while (i < text.Length && i - start < 4 && char.IsAsciiHexDigit(text[i]))
        {
            value = (value << 4) | HexValue(text[i]);
            i++;
        }

        group = (ushort)value;
        return i > start && (i == text.Length || !char.IsAsciiHexDigit(text[i]));
    }

    private static int HexValue(char c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
}
