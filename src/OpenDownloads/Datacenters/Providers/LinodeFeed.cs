namespace OpenDownloads.Datacenters.Providers;

/// <summary>Linode's (Akamai Cloud's) RFC 8805 geofeed, which opens with <c>#</c> comment lines.</summary>
internal sealed class LinodeFeed : ProviderFeed
{
    public override string Id => "linode";

    public override string Name => "Linode";

    public override string Website => "http://www.linode.com/";

    public override IReadOnlyList<FeedDocument> Documents { get; } =
        [new("linode-geofeed.csv", new Uri("https://geoip.linode.com/"))];

    public override void Parse(FeedDocument document, ReadOnlyMemory<byte> body, PrefixCollector prefixes) =>
        FeedText.AddFirstFields(body, document, prefixes);
}
