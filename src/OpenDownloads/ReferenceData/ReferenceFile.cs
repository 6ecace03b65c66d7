namespace OpenDownloads.ReferenceData;

/// <summary>A reference file the counter needs, where it is published, and its name in the local cache.</summary>
/// <param name="Description">What the file is, for messages.</param>
/// <param name="Option">The command-line option that supplies it.</param>
/// <param name="PublishedUrl">Where its maintainers publish it.</param>
/// <param name="CacheFileName">Its file name in the cache directory.</param>
public sealed record ReferenceFile(string Description, string Option, Uri PublishedUrl, string CacheFileName)
{
    /// <summary>Gets OPAWG's v1 user-agent list, the one oDL uses.</summary>
    public static ReferenceFile Agents { get; } = new(
        "OPAWG v1 user-agent list",
        "--agents",
        new Uri("https://raw.githubusercontent.com/opawg/user-agents/master/src/user-agents.json"),
        "opawg-user-agents.json");

    /// <summary>Gets ipcat's datacenter list, the one oDL uses.</summary>
    public static ReferenceFile Datacenters { get; } = new(
        "ipcat datacenter list",
        "--datacenters",
        new Uri("https://raw.githubusercontent.com/growlfm/ipcat/main/datacenters.csv"),
        "ipcat-datacenters.csv");
}
