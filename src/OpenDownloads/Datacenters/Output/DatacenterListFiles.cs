namespace OpenDownloads.Datacenters.Output;

/// <summary>The names of the files a rebuild writes, the same in a folder and in a published version.</summary>
public static class DatacenterListFiles
{
    /// <summary>IPv4 ranges in ipcat's format.</summary>
    public const string IPv4 = "datacenters.csv";

    /// <summary>IPv6 ranges, same columns.</summary>
    public const string IPv6 = "datacenters-ipv6.csv";

    /// <summary>IPv4 addresses per provider, as ipcat writes them.</summary>
    public const string IPv4Stats = "datacenters-stats.csv";

    /// <summary>IPv6 /64 networks per provider.</summary>
    public const string IPv6Stats = "datacenters-ipv6-stats.csv";

    /// <summary>What the rebuild read and wrote.</summary>
    public const string Manifest = "manifest.json";

    /// <summary>Gets the range lists, the files a reader loads.</summary>
    public static IReadOnlyList<string> RangeLists { get; } = [IPv4, IPv6];
}
