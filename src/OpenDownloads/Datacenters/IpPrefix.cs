namespace OpenDownloads.Datacenters;

/// <summary>
/// A CIDR block such as <c>3.5.140.0/22</c> or <c>2600:1f00::/24</c>, on <see cref="IpRange"/>'s number line.
/// </summary>
/// <remarks>
/// Parsing is strict: the address must be the block's first address (no host bits set). Feeds never publish host
/// bits, so a prefix that has them is far more likely a cut line (<c>173.245.48.0/2</c> from <c>/20</c>) than
/// a shorthand, and rejecting it makes a truncated feed fail instead of adding a quarter of the internet.
/// </remarks>
/// <param name="First">The block's first address.</param>
/// <param name="Length">The prefix length: 0 to 32 for IPv4, 0 to 128 for IPv6.</param>
/// <param name="IsIPv4">Whether the block is IPv4.</param>
public readonly record struct IpPrefix(UInt128 First, int Length, bool IsIPv4)
{
    /// <summary>Gets the block as a range of addresses.</summary>
    public IpRange Range => new(First, First + HostMask(Length, IsIPv4));

    /// <summary>Parses <c>address/length</c>, as <see cref="IpPrefix"/> describes.</summary>
    /// <param name="text">The prefix, without surrounding whitespace.</param>
    /// <param name="prefix">The prefix, or the default when parsing fails.</param>
    /// <returns>Whether <paramref name="text"/> is a prefix with no host bits set.</returns>
    public static bool TryParse(ReadOnlySpan<char> text, out IpPrefix prefix)
    {
        prefix = default;
        var slash = text.IndexOf('/');
        if (slash < 0 || !IpAddressParser.TryParse(text[..slash], out var address))
        {
            return false;
        }

        var lengthText = text[(slash + 1)..];
        var isIPv4 = !text[..slash].Contains(':');
        var maximum = isIPv4 ? 32 : 128;
        if (lengthText.IsEmpty || lengthText.Length > 3 || (lengthText.Length > 1 && lengthText[0] == '0')
            || !int.TryParse(lengthText, System.Globalization.NumberStyles.None, null, out var length)
            || length > maximum)
        {
            return false;
        }

        if ((address & HostMask(length, isIPv4)) != 0)
        {
            return false;
        }

        prefix = new IpPrefix(address, length, isIPv4);
        return true;
    }

    /// <summary>Parses <c>address/length</c>, as <see cref="TryParse"/> describes.</summary>
    /// <exception cref="FormatException"><paramref name="text"/> is not such a prefix.</exception>
    public static IpPrefix Parse(ReadOnlySpan<char> text) =>
        TryParse(text, out var prefix)
            ? prefix
            : throw new FormatException(
                $"'{text}' is not a CIDR prefix; expected address/length with no host bits set, such as 192.0.2.0/24.");

    /// <summary>Returns the prefix as <c>address/length</c>.</summary>
    public override string ToString() => $"{IpAddressSpace.Format(First)}/{Length}";

    private static UInt128 HostMask(int length, bool isIPv4)
    {
        var hostBits = (isIPv4 ? 32 : 128) - length;
        return hostBits == 128 ? UInt128.MaxValue : (UInt128.One << hostBits) - 1;
    }
}
