namespace OpenDownloads.Datacenters.Providers;

/// <summary>Fastly's <c>public-ip-list</c>: JSON with <c>addresses[]</c> (IPv4) and <c>ipv6_addresses[]</c>.</summary>
internal sealed class FastlyFeed : ProviderFeed
{
    public override string Id => "fastly";

    public override string Name => "Fastly";

    public override string Website => "https://www.fastly.com/";

    public override IReadOnlyList<FeedDocument> Documents { get; } =
        [new("fastly-public-ip-list.json", new Uri("https://api.fastly.com/public-ip-list"))];

    public override void Parse(FeedDocument document, ReadOnlyMemory<byte> body, PrefixCollector prefixes)
    {
        using var json = FeedJson.Parse(body, document);
        foreach (var name in (string[])["addresses", "ipv6_addresses"])
        {
            var index = 0;
            foreach (var prefix in FeedJson.Array(json.RootElement, name, document))
            {
                prefixes.Add(prefix.GetString() ?? string.Empty, $"{name}[{index++}] of '{document.FileName}'");
            }
        }
    }
}
