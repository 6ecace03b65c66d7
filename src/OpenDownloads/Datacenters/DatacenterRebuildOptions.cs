using OpenDownloads.Datacenters.Providers;

namespace OpenDownloads.Datacenters;

/// <summary>
/// How the datacenter list is rebuilt and published: the base list, the providers and their feeds, the safety
/// limits, and where the result goes. Bound from the <c>Datacenters</c> section of settings or built by the CLI.
/// </summary>
public sealed class DatacenterRebuildOptions
{
    /// <summary>The settings section these options are bound from.</summary>
    public const string SectionName = "Datacenters";

    /// <summary>ipcat's published list, the default base list.</summary>
    public static readonly Uri IpcatList = new("https://raw.githubusercontent.com/growlfm/ipcat/main/datacenters.csv");

    /// <summary>Gets or sets the hand-kept base list in ipcat's format: a path or an http(s) URL.</summary>
    public string BaseList { get; set; } = IpcatList.AbsoluteUri;

    /// <summary>Gets or sets the providers to fetch, as comma-separated ids; empty for all of them.</summary>
    public string Providers { get; set; } = string.Empty;

    /// <summary>
    /// Gets or sets the AWS services whose prefixes are kept, comma-separated (default EC2, as ipcat).
    /// </summary>
    public string AwsServices { get; set; } = string.Join(',', AwsFeed.DefaultServices);

    /// <summary>Gets or sets the Azure service tags file's URL; unset, it is discovered on the download page.</summary>
    public Uri? AzureServiceTagsUrl { get; set; }

    /// <summary>
    /// Gets or sets the page the Azure file's URL is discovered on; unset, Microsoft's download page.
    /// </summary>
    public Uri? AzureDownloadPage { get; set; }

    /// <summary>
    /// Gets or sets a mirror that serves every feed under its local-copy file name (such as
    /// <c>aws-ip-ranges.json</c>); unset, each provider's official URL.
    /// </summary>
    public Uri? FeedBaseUrl { get; set; }

    /// <summary>
    /// Gets or sets a folder of local feed copies to read instead of fetching (the CLI's <c>--feeds</c>).
    /// </summary>
    public string? FeedDirectory { get; set; }

    /// <summary>Gets or sets how long one attempt at one feed may take.</summary>
    public TimeSpan FeedTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Gets or sets how many times a feed is tried before its provider counts as failed.</summary>
    public int FeedAttempts { get; set; } = 3;

    /// <summary>Gets or sets the first retry's delay; later ones double it, each with random jitter.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Gets or sets the largest share of a provider's ranges that may disappear against the previous list before
    /// the new data is treated as failed: 0.5 refuses a provider that lost more than half its ranges.
    /// </summary>
    public double MaxShrink { get; set; } = 0.5;

    /// <summary>Gets or sets whether shrunken providers are accepted anyway.</summary>
    public bool Force { get; set; }

    /// <summary>Gets or sets the blob container the list is published to.</summary>
    public string Container { get; set; } = "datacenters";

    /// <summary>Gets or sets how many published versions are kept, the latest included.</summary>
    public int RetainVersions { get; set; } = 30;

    /// <summary>Returns every problem with these options at once; empty when they are usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(BaseList))
        {
            problems.Add(
                "Datacenters:BaseList is empty; expected a path or an http(s) URL of a list in ipcat's format.");
        }

        var known = ProviderCatalog.Ids;
        foreach (var id in SplitList(Providers).Where(id => !known.Contains(id, StringComparer.OrdinalIgnoreCase)))
        {
            problems.Add(
                $"Datacenters:Providers names '{id}', which is not a provider; expected some of "
                + $"{string.Join(", ", known)}.");
        }

        if (SplitList(AwsServices).Count == 0)
        {
            problems.Add("Datacenters:AwsServices is empty; expected AWS service names such as EC2.");
        }

        AddIfNotHttp(problems, "AzureServiceTagsUrl", AzureServiceTagsUrl);
        AddIfNotHttp(problems, "AzureDownloadPage", AzureDownloadPage);
        AddIfNotHttp(problems, "FeedBaseUrl", FeedBaseUrl);
        // The bounds of Polly's timeout strategy, which refuses anything outside them.
        if (FeedTimeout < TimeSpan.FromMilliseconds(10) || FeedTimeout > TimeSpan.FromDays(1))
        {
            problems.Add(
                $"Datacenters:FeedTimeout is '{FeedTimeout}'; expected 10 ms to one day, such as 00:01:00.");
        }

        if (FeedAttempts is < 1 or > 10)
        {
            problems.Add($"Datacenters:FeedAttempts is {FeedAttempts}; expected 1 to 10.");
        }

        if (RetryDelay < TimeSpan.Zero)
        {
            problems.Add($"Datacenters:RetryDelay is '{RetryDelay}'; expected zero or more.");
        }

        if (double.IsNaN(MaxShrink) || MaxShrink is < 0 or > 1)
        {
            problems.Add($"Datacenters:MaxShrink is {MaxShrink}; expected a share from 0 to 1, such as 0.5.");
        }

        if (string.IsNullOrWhiteSpace(Container) || Container.Length is < 3 or > 63
            || !Container.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'))
        {
            problems.Add(
                $"Datacenters:Container is '{Container}'; expected a blob container name: 3 to 63 lower-case "
                + "letters, digits or hyphens.");
        }

        if (RetainVersions < 1)
        {
            problems.Add($"Datacenters:RetainVersions is {RetainVersions}; expected 1 or more.");
        }

        return problems;
    }

    internal static IReadOnlyList<string> SplitList(string? list) =>
        (list ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static void AddIfNotHttp(List<string> problems, string name, Uri? url)
    {
        if (url is not null && (!url.IsAbsoluteUri || url.Scheme is not ("http" or "https")))
        {
            problems.Add($"Datacenters:{name} is '{url}'; expected an absolute http(s) URL.");
        }
    }
}
