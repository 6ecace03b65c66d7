using System.Net;

namespace OpenDownloads.Counting.Preparation;

/// <summary>Answers whether a client address belongs to a server range (a datacenter) rather than a listener.</summary>
public interface IIpDenyList
{
    /// <summary>Returns whether <paramref name="address"/> is on the list.</summary>
    bool Contains(IPAddress address);
}
