namespace OpenDownloads.Datacenters.Providers;

/// <summary>Cloudflare's edge ranges: two text files, <c>ips-v4</c> and <c>ips-v6</c>, one prefix a line.</summary>
internal sealed class CloudflareFeed : ProviderFeed
{
    public override string Id => "cloudflare";

    public override string Name => "Cloudflare Inc";

    public override string Website => "https://www.cloudflare.com/";

    public override IReadOnlyList<FeedDocument> Documents { get; } =
    [
        new("cloudflare-ips-v4.txt", new Uri("https://www.cloudflare.com/ips-v4")),
        new("cloudflare-ips-v6.txt", new Uri("https://www.cloudflare.com/ips-v6")),
    ];

    public override void Parse(FeedDocument document, ReadOnlyMemory<byte> body, PrefixCollector prefixes) =>
        FeedText.AddFirstFields(body, document, prefixes);
}
