using System.Net;
using System.Net.Sockets;

namespace OpenDownloads.Counting.Preparation;

/// <summary>Parses a client address strictly: a dotted-quad IPv4 address or an IPv6 address, nothing looser.</summary>
public static class ClientAddress
{
    /// <summary>
    /// Tries to parse <paramref name="text"/>. Unlike <see cref="IPAddress.TryParse(string, out IPAddress?)"/>
    /// this refuses the legacy short forms (<c>10.1</c>, <c>167772161</c>), brackets and IPv6 zone ids, which never
    /// name a client in an IP field and would otherwise be read as some unrelated address.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<char> text, out IPAddress? address)
    {
        address = null;
        text = text.Trim();
        if (text.IsEmpty || text.Length > 45 || text.ContainsAny('%', '[', ']'))
        {
            return false;
        }

        var isV6 = text.Contains(':');
        if (!isV6 && text.Count('.') != 3)
        {
            return false;
        }

        if (!IPAddress.TryParse(text, out var parsed))
        {
            return false;
        }

        var family = isV6 ? AddressFamily.InterNetworkV6 : AddressFamily.InterNetwork;
        address = parsed.AddressFamily == family ? parsed : null;
        return address is not null;
    }
}
