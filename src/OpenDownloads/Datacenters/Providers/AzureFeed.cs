using System.Text.RegularExpressions;

namespace OpenDownloads.Datacenters.Providers;

/// <summary>
/// Microsoft Azure's public service tags, the <c>AzureCloud</c> tag (every public Azure address, as ipcat keeps).
/// The file's name carries its weekly date, so its URL is either configured or discovered on the download page.
/// </summary>
internal sealed partial class AzureFeed : ProviderFeed
{
    /// <summary>The download page that links to the current file.</summary>
    public static readonly Uri DownloadPage = new("https://www.microsoft.com/en-us/download/details.aspx?id=56519");

    private const string Tag = "AzureCloud";

    public AzureFeed(Uri? serviceTagsUrl, Uri? downloadPage)
    {
        Documents =
        [
            new FeedDocument(
                "azure-ServiceTags_Public.json",
                serviceTagsUrl,
                new FeedDiscovery(downloadPage ?? DownloadPage, ServiceTagsLink())),
        ];
    }

    public override string Id => "azure";

    public override string Name => "Microsoft Azure";

    public override string Website => "http://www.windowsazure.com/en-us/";

    public override IReadOnlyList<FeedDocument> Documents { get; }

    public override void Parse(FeedDocument document, ReadOnlyMemory<byte> body, PrefixCollector prefixes)
    {
        using var json = FeedJson.Parse(body, document);
        foreach (var value in FeedJson.Array(json.RootElement, "values", document))
        {
            if (FeedJson.String(value, "name") != Tag)
            {
                continue;
            }

            var index = 0;
            var properties = value.TryGetProperty("properties", out var found) ? found : default;
            foreach (var prefix in FeedJson.Array(properties, "addressPrefixes", document))
            {
                prefixes.Add(prefix.GetString() ?? string.Empty, $"{Tag} prefix {index++} of '{document.FileName}'");
            }

            return;
        }

        throw new FeedFormatException(
            $"The feed '{document.FileName}' has no '{Tag}' service tag; its schema or tag names may have changed.");
    }

    [GeneratedRegex(@"https?://[^""'\s<>\\]+/ServiceTags_Public_\d{8}\.json", RegexOptions.CultureInvariant)]
    private static partial Regex ServiceTagsLink();
}
