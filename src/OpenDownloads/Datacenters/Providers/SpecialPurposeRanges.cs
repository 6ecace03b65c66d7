namespace OpenDownloads.Datacenters.Providers;

/// <summary>
/// Address blocks that no provider can route to customers (IANA's special-purpose registries): private,
/// loopback, link-local, documentation, benchmarking, multicast and reserved space, and IPv6 outside 2000::/3.
/// Feeds do list some (Vultr's geofeed names all three IPv4 documentation blocks and 2001:db8::/32); a prefix that
/// touches one is skipped, so that a test address or a private one is never called a datacenter.
/// </summary>
internal static class SpecialPurposeRanges
{
    private static readonly IpRange[] Ranges =
    [
        .. ((string[])
        [
            "0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12",
            "192.0.0.0/24", "192.0.2.0/24", "192.88.99.0/24", "192.168.0.0/16", "198.18.0.0/15", "198.51.100.0/24",
            "203.0.113.0/24", "224.0.0.0/3",
            "::/3", "2001::/23", "2001:db8::/32", "2002::/16", "3fff::/20", "4000::/2", "8000::/1",
        ]).Select(prefix => IpPrefix.Parse(prefix).Range),
    ];

    /// <summary>Returns whether any address of <paramref name="prefix"/> is special-purpose.</summary>
    public static bool Overlaps(IpPrefix prefix) => Overlaps(prefix.Range);

    /// <summary>Returns whether any address of <paramref name="range"/> is special-purpose.</summary>
    public static bool Overlaps(IpRange range)
    {
        var isIPv4 = range.IsIPv4;
        foreach (var special in Ranges)
        {
            // IPv4 blocks live inside ::/3 on the shared number line, so only the range's own family is checked.
            if (special.IsIPv4 == isIPv4 && range.Start <= special.End && special.Start <= range.End)
            {
                return true;
            }
        }

        return false;
    }
}
