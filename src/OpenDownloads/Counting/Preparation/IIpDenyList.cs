using System.Net;

namespace OpenDownloads.Counting.Preparation;

/// <summary>Answers whether a client address belongs to a server range (a datacenter) rather than a listener.</summary>
public interface IIpDenyList
{
    /// <summary>Returns whether <paramref name="address"/> is on the list.</summary>
    bool Contains(IPAddress address);

    /// <summary>
    /// Returns whether an address parsed by <see cref="Datacenters.IpAddressParser"/> is on the list. Lists that
    /// can answer without an <see cref="IPAddress"/> override this; the counter calls it for every IPv4 client.
    /// </summary>
    bool Contains(UInt128 address) => Contains(Datacenters.IpAddressSpace.ToIPAddress(address));
}
