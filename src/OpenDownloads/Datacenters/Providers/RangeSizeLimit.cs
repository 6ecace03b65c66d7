namespace OpenDownloads.Datacenters.Providers;

/// <summary>
/// The largest range any source may contribute. No provider publishes a block near these sizes (the largest in
/// the feeds and in ipcat's list is an IPv4 /10 and an IPv6 /19), so a bigger one is a typo or a cut line that
/// would swallow the list. IPv4 follows ipcat, which refuses ranges of 2^24 addresses or more.
/// </summary>
internal static class RangeSizeLimit
{
    /// <summary>IPv4 ranges of this many addresses or more, a /8 or larger, are refused.</summary>
    public static readonly UInt128 IPv4Addresses = UInt128.One << 24;

    /// <summary>IPv6 ranges of this many addresses or more, a /16 or larger, are refused.</summary>
    public static readonly UInt128 IPv6Addresses = UInt128.One << 112;

    /// <summary>Returns whether <paramref name="range"/> is at least the limit of its family.</summary>
    public static bool IsTooLarge(IpRange range) =>
        range.End - range.Start >= (range.IsIPv4 ? IPv4Addresses : IPv6Addresses) - 1;
}
