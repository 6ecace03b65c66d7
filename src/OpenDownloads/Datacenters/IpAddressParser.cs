using System.Net;
using System.Net.Sockets;

namespace OpenDownloads.Datacenters;

/// <summary>
/// Parses IP addresses as written in logs and lists into the single number line that <see cref="IpRange"/> uses,
/// where IPv4 address a.b.c.d is the IPv4-mapped IPv6 address ::ffff:a.b.c.d.
/// </summary>
public static class IpAddressParser
{
    /// <summary>Parses a plain IPv4 or IPv6 address.</summary>
    /// <param name="text">
    /// A dotted-quad IPv4 address with decimal parts and no leading zeros (<c>1.2.3.4</c>), or an IPv6 address in
    /// any standard form (<c>2001:db8::1</c>, <c>::ffff:1.2.3.4</c>). Brackets, ports, zone ids and surrounding
    /// whitespace are rejected.
    /// </param>
    /// <param name="address">The address's value, or zero when parsing fails.</param>
    /// <returns>Whether <paramref name="text"/> is such an address.</returns>
    public static bool TryParse(ReadOnlySpan<char> text, out UInt128 address)
    {
        address = default;
        if (!text.Contains(':'))
        {
            if (!TryParseIPv4(text, out var ipv4))
            {
                return false;
            }

            address = IpAddressSpace.FromIPv4(ipv4);
            return true;
        }

        // IPAddress also takes "[::1]:80" and "fe80::1%eth0"; neither belongs in a list or a client address column.
        if (text.ContainsAny('[', '%') || !IPAddress.TryParse(text, out var parsed)
            || parsed.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return false;
        }

        address = IpAddressSpace.FromIPAddress(parsed);
        return true;
    }

    /// <summary>Parses a plain IPv4 or IPv6 address, as <see cref="TryParse"/> describes.</summary>
    /// <exception cref="FormatException"><paramref name="text"/> is not such an address.</exception>
    public static UInt128 Parse(ReadOnlySpan<char> text)
    {
        if (!TryParse(text, out var address))
        {
            throw new FormatException(
                $"'{text}' is not an IP address; expected a dotted-quad IPv4 address or an IPv6 address.");
        }

        return address;
    }

    // Stricter than IPAddress, which reads "1.2.3" as 1.2.0.3 and "010.0.0.1" as octal. Go's net.ParseIP (which
    // ipcat uses) and Python's ipaddress reject both, and a leading zero in a list is more likely a typo than octal.
    private static bool TryParseIPv4(ReadOnlySpan<char> text, out uint address)
    {
        address = 0;
        var parts = 0;
        while (parts < 4)
        {
            var length = 0;
            var value = 0;
            while (length < text.Length && length < 4 && char.IsAsciiDigit(text[length]))
            {
                value = (value * 10) + (text[length] - '0');
                length++;
            }

            if (length == 0 || length == 4 || value > 255 || (length > 1 && text[0] == '0'))
            {
                return false;
            }

            address = (address << 8) | (uint)value;
            parts++;
            text = text[length..];
            if (parts < 4)
            {
                if (text.IsEmpty || text[0] != '.')
                {
                    return false;
                }

                text = text[1..];
            }
        }

        return text.IsEmpty;
    }
}
