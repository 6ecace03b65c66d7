namespace OpenDownloads.Datacenters.Providers;

/// <summary>
/// Google Cloud's <c>cloud.json</c>: <c>prefixes[]</c>, each with an <c>ipv4Prefix</c> or an <c>ipv6Prefix</c>.
/// Google asks users to prefer this file to the old <c>_cloud-netblocks</c> DNS records.
/// </summary>
internal sealed class GoogleCloudFeed : ProviderFeed
{
    public override string Id => "google-cloud";

    public override string Name => "Google Cloud";

    public override string Website => "https://cloud.google.com/";

    public override IReadOnlyList<FeedDocument> Documents { get; } =
        [new("gcp-cloud.json", new Uri("https://www.gstatic.com/ipranges/cloud.json"))];

    public override void Parse(FeedDocument document, ReadOnlyMemory<byte> body, PrefixCollector prefixes)
    {
        using var json = FeedJson.Parse(body, document);
        var index = 0;
        foreach (var entry in FeedJson.Array(json.RootElement, "prefixes", document))
        {
            var prefix = FeedJson.String(entry, "ipv4Prefix") ?? FeedJson.String(entry, "ipv6Prefix")
                ?? throw new FeedFormatException(
                    $"Entry {index} of 'prefixes' in '{document.FileName}' has neither 'ipv4Prefix' nor 'ipv6Prefix'.");
            prefixes.Add(prefix, $"prefixes[{index}] of '{document.FileName}'");
            index++;
        }
    }
}
