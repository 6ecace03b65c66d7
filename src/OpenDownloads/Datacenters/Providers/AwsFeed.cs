namespace OpenDownloads.Datacenters.Providers;

/// <summary>
/// Amazon Web Services' <c>ip-ranges.json</c>: <c>prefixes[].ip_prefix</c> and <c>ipv6_prefixes[].ipv6_prefix</c>,
/// kept where <c>service</c> is one of the configured services (EC2 by default, as ipcat does: customers' servers).
/// </summary>
internal sealed class AwsFeed(IReadOnlyCollection<string> services) : ProviderFeed
{
    /// <summary>The services kept when none are configured.</summary>
    public static readonly IReadOnlyList<string> DefaultServices = ["EC2"];

    private static readonly FeedDocument Feed = new(
        "aws-ip-ranges.json", new Uri("https://ip-ranges.amazonaws.com/ip-ranges.json"));

    private readonly HashSet<string> _services = new(services, StringComparer.OrdinalIgnoreCase);

    public override string Id => "aws";

    public override string Name => "Amazon AWS";

    public override string Website => "http://www.amazon.com/aws/";

    public override IReadOnlyList<FeedDocument> Documents { get; } = [Feed];

    public override void Parse(FeedDocument document, ReadOnlyMemory<byte> body, PrefixCollector prefixes)
    {
        using var json = FeedJson.Parse(body, document);
        AddPrefixes(json.RootElement, "prefixes", "ip_prefix", document, prefixes);
        AddPrefixes(json.RootElement, "ipv6_prefixes", "ipv6_prefix", document, prefixes);
    }

    private void AddPrefixes(
        System.Text.Json.JsonElement root,
        string arrayName,
        string prefixName,
        FeedDocument document,
        PrefixCollector prefixes)
    {
        var index = 0;
        foreach (var entry in FeedJson.Array(root, arrayName, document))
        {
            var service = FeedJson.String(entry, "service");
            var prefix = FeedJson.String(entry, prefixName);
            if (service is null || prefix is null)
            {
                throw new FeedFormatException(
                    $"Entry {index} of '{arrayName}' in '{document.FileName}' lacks '{prefixName}' or 'service'.");
            }

            if (_services.Contains(service))
            {
                prefixes.Add(prefix, $"{arrayName}[{index}] of '{document.FileName}'");
            }

            index++;
        }
    }
}
