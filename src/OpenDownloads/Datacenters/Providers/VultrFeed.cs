namespace OpenDownloads.Datacenters.Providers;

/// <summary>Vultr's (Constant's) geofeed as JSON: <c>subnets[].ip_prefix</c>, IPv4 and IPv6 in one array.</summary>
internal sealed class VultrFeed : ProviderFeed
{
    public override string Id => "vultr";

    public override string Name => "Vultr";

    public override string Website => "https://www.vultr.com/";

    public override IReadOnlyList<FeedDocument> Documents { get; } =
        [new("vultr-geofeed.json", new Uri("https://geofeed.constant.com/?json"))];

    public override void Parse(FeedDocument document, ReadOnlyMemory<byte> body, PrefixCollector prefixes)
    {
        using var json = FeedJson.Parse(body, document);
        var index = 0;
        foreach (var subnet in FeedJson.Array(json.RootElement, "subnets", document))
        {
            var where = $"subnets[{index++}] of '{document.FileName}'";
            var prefix = FeedJson.String(subnet, "ip_prefix")
                ?? throw new FeedFormatException($"The entry {where} has no 'ip_prefix'.");
            prefixes.Add(prefix, where);
        }
    }
}
