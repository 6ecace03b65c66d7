namespace OpenDownloads.Datacenters.Providers;

/// <summary>
/// DigitalOcean's RFC 8805 geofeed. Only the first column is read: some rows have two columns and the word
/// <c>None</c>, which made ipcat's strict five-column check abort and its DigitalOcean updater be switched off.
/// </summary>
internal sealed class DigitalOceanFeed : ProviderFeed
{
    public override string Id => "digitalocean";

    public override string Name => "DigitalOcean";

    public override string Website => "https://www.digitalocean.com/";

    public override IReadOnlyList<FeedDocument> Documents { get; } =
        [new("digitalocean-geo-google.csv", new Uri("https://www.digitalocean.com/geo/google.csv"))];

    public override void Parse(FeedDocument document, ReadOnlyMemory<byte> body, PrefixCollector prefixes) =>
        FeedText.AddFirstFields(body, document, prefixes);
}
