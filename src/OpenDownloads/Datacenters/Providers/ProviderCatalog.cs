namespace OpenDownloads.Datacenters.Providers;

/// <summary>
/// Every provider the rebuild knows, one line each. The order is the precedence where two providers' ranges
/// partly overlap: the one listed first keeps the shared addresses (see the README's precedence rule).
/// </summary>
internal static class ProviderCatalog
{
    /// <summary>Gets every provider's id, in precedence order.</summary>
    public static IReadOnlyList<string> Ids { get; } = [.. All(new DatacenterRebuildOptions()).Select(feed => feed.Id)];

    public static IReadOnlyList<ProviderFeed> All(DatacenterRebuildOptions options) =>
    [
        new AwsFeed(DatacenterRebuildOptions.SplitList(options.AwsServices)),
        new AzureFeed(options.AzureServiceTagsUrl, options.AzureDownloadPage),
        new GoogleCloudFeed(),
        new CloudflareFeed(),
        new FastlyFeed(),
        new AkamaiFeed(),
        new OracleCloudFeed(),
        new DigitalOceanFeed(),
        new LinodeFeed(),
        new VultrFeed(),
    ];

    /// <summary>Returns the providers the options enable (all when none are named), in precedence order.</summary>
    public static IReadOnlyList<ProviderFeed> Enabled(DatacenterRebuildOptions options)
    {
        var named = DatacenterRebuildOptions.SplitList(options.Providers);
        var all = All(options);
        return named.Count == 0
            ? all
            : [.. all.Where(feed => named.Contains(feed.Id, StringComparer.OrdinalIgnoreCase))];
    }
}
