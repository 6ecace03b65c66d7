namespace OpenDownloads.Datacenters.Providers;

/// <summary>
/// Oracle Cloud's <c>public_ip_ranges.json</c>: <c>regions[].cidrs[].cidr</c>, every tag (OCI, OSN, object storage).
/// Oracle publishes IPv4 only.
/// </summary>
internal sealed class OracleCloudFeed : ProviderFeed
{
    public override string Id => "oracle";

    public override string Name => "Oracle Cloud";

    public override string Website => "https://www.oracle.com/cloud/";

    public override IReadOnlyList<FeedDocument> Documents { get; } =
    [
        new("oracle-public_ip_ranges.json", new Uri("https://docs.oracle.com/en-us/iaas/tools/public_ip_ranges.json")),
    ];

    public override void Parse(FeedDocument document, ReadOnlyMemory<byte> body, PrefixCollector prefixes)
    {
        using var json = FeedJson.Parse(body, document);
        foreach (var region in FeedJson.Array(json.RootElement, "regions", document))
        {
            var name = FeedJson.String(region, "region") ?? "?";
            var index = 0;
            foreach (var cidr in FeedJson.Array(region, "cidrs", document))
            {
                var where = $"cidrs[{index++}] of region '{InputExcerpt.Of(name)}' in '{document.FileName}'";
                prefixes.Add(
                    FeedJson.String(cidr, "cidr") ?? throw new FeedFormatException($"The entry {where} has no 'cidr'."),
                    where);
            }
        }
    }
}
