using System.Globalization;
using OpenDownloads.Datacenters.Fetching;
using OpenDownloads.Datacenters.Output;
using OpenDownloads.Datacenters.Providers;

namespace OpenDownloads.Datacenters.Building;

/// <summary>
/// Fetches and reads one provider's feed and decides whether to trust it: a feed that fails, is not in its
/// format, lists nothing, or lost more ranges than allowed against the previous list is not used, and the
/// provider keeps its previous ranges instead.
/// </summary>
internal sealed class ProviderRefresher(IFeedSource feeds, DatacenterRebuildOptions options)
{
    public async Task<ProviderOutcome> RefreshAsync(
        ProviderFeed feed,
        PublishedDatacenterList? previous,
        CancellationToken cancellationToken)
    {
        var previousRanges = (previous?.Ranges ?? []).Where(range => range.Name == feed.Name).ToList();
        var previousEntry = previous?.Manifest?.Providers.FirstOrDefault(entry => entry.Id == feed.Id);
        var canBeConditional = previousRanges.Count > 0 && previousEntry is { RangesFrom: "feed" };
        var responses = await Task.WhenAll(feed.Documents.Select(document => feeds.FetchAsync(
            Request(feed, document, canBeConditional ? previousEntry : null), cancellationToken)));

        // Only a provider whose every file is unchanged keeps its previous ranges as current; a mix is refetched
        // whole, since the previous list holds the provider's ranges merged, not per file.
        if (responses.Any(response => response.NotModified) && !responses.All(response => response.NotModified))
        {
            responses = await Task.WhenAll(feed.Documents.Select(document => feeds.FetchAsync(
                Request(feed, document, null), cancellationToken)));
        }

        if (responses.FirstOrDefault(response => !response.Succeeded) is { } failed)
        {
            return Fallback(feed, ProviderStatus.Failed, failed.Error!, previousRanges, Sources(feed, responses, null));
        }

        if (responses.All(response => response.NotModified))
        {
            return NotModified(feed, previousRanges, previousEntry!, responses);
        }

        return Read(feed, responses, previousRanges);
    }

    /// <summary>The outcome of a provider left out of this run: its previous ranges, if any, stand.</summary>
    public static ProviderOutcome NotSelected(ProviderFeed feed, PublishedDatacenterList? previous) => Fallback(
        feed,
        ProviderStatus.NotSelected,
        "not among the providers selected for this run",
        [.. (previous?.Ranges ?? []).Where(range => range.Name == feed.Name)],
        []);

    private static FeedRequest Request(ProviderFeed feed, FeedDocument document, ManifestProvider? previous)
    {
        var source = previous?.Sources.FirstOrDefault(source => source.FileName == document.FileName);
        return new FeedRequest(feed.Name, document, source?.ETag, source?.LastModified);
    }

    private static ProviderOutcome NotModified(
        ProviderFeed feed,
        List<DatacenterRange> previousRanges,
        ManifestProvider previousEntry,
        FeedResponse[] responses) => new()
    {
        Feed = feed,
        Status = ProviderStatus.NotModified,
        RangesFrom = "feed",
        Ranges = [.. previousRanges.Select(range => range with { Url = feed.Website })],
        PrefixesIPv4 = previousEntry.PrefixesIPv4,
        PrefixesIPv6 = previousEntry.PrefixesIPv6,
        PrefixesSkipped = previousEntry.PrefixesSkipped,
        Sources = Sources(feed, responses, previousEntry),
    };

    private static ProviderOutcome Fallback(
        ProviderFeed feed,
        string status,
        string reason,
        List<DatacenterRange> previousRanges,
        IReadOnlyList<ManifestSource> sources) => new()
    {
        Feed = feed,
        Status = status,
        Reason = reason,
        RangesFrom = previousRanges.Count > 0 ? "previous" : "none",
        Ranges = previousRanges,
        PrefixesIPv4 = 0,
        PrefixesIPv6 = 0,
        Sources = sources,
    };

    private static List<DatacenterRange> Collapse(ProviderFeed feed, IEnumerable<IpPrefix> prefixes)
    {
        var merged = new List<DatacenterRange>();
        foreach (var range in prefixes.Select(prefix => prefix.Range).OrderBy(range => range.Start))
        {
            if (merged.Count > 0 && merged[^1].Range is var last && range.Start <= last.End + 1
                && range.IsIPv4 == last.IsIPv4)
            {
                merged[^1] = merged[^1] with { Range = last with { End = UInt128.Max(last.End, range.End) } };
                continue;
            }

            merged.Add(new DatacenterRange(range, feed.Name, feed.Website));
        }

        return merged;
    }

    private static List<ManifestSource> Sources(
        ProviderFeed feed,
        FeedResponse[] responses,
        ManifestProvider? previous) =>
    [
        .. feed.Documents.Zip(responses, (document, response) => response.ToManifestSource(
            document.FileName,
            previous?.Sources.FirstOrDefault(source => source.FileName == document.FileName))),
    ];

    private ProviderOutcome Read(ProviderFeed feed, FeedResponse[] responses, List<DatacenterRange> previousRanges)
    {
        var sources = Sources(feed, responses, null);
        var prefixes = new PrefixCollector();
        try
        {
            foreach (var (document, response) in feed.Documents.Zip(responses))
            {
                var before = prefixes.ReadCount;
                feed.Parse(document, new ReadOnlyMemory<byte>(response.Body), prefixes);

                // Each file of a multi-file feed holds a part (Cloudflare: one per IP version); an empty one
                // would drop that part whole.
                if (feed.Documents.Count > 1 && prefixes.ReadCount == before)
                {
                    return Fallback(
                        feed,
                        ProviderStatus.Failed,
                        $"the file {document.FileName} lists no prefixes",
                        previousRanges,
                        sources);
                }
            }
        }
        catch (FeedFormatException error)
        {
            return Fallback(feed, ProviderStatus.Failed, error.Message, previousRanges, sources);
        }

        if (prefixes.Prefixes.Count == 0 && prefixes.SkippedCount == 0 && prefixes.TooLargeCount == 0)
        {
            return Fallback(feed, ProviderStatus.Failed, "the feed lists no prefixes", previousRanges, sources);
        }

        if (prefixes.Prefixes.Count == 0)
        {
            return Fallback(
                feed,
                ProviderStatus.Failed,
                "the feed lists only special-purpose or implausibly large prefixes",
                previousRanges,
                sources);
        }

        var ranges = Collapse(feed, prefixes.Prefixes);
        if (!options.Force && ShrinkReason(ranges, previousRanges) is { } reason)
        {
            return Fallback(feed, ProviderStatus.Shrunk, reason, previousRanges, sources) with
            {
                PrefixesIPv4 = prefixes.IPv4Count,
                PrefixesIPv6 = prefixes.IPv6Count,
                PrefixesTooLarge = prefixes.TooLargeCount,
            };
        }

        return new ProviderOutcome
        {
            Feed = feed,
            Status = ProviderStatus.Updated,
            RangesFrom = "feed",
            Ranges = ranges,
            PrefixesIPv4 = prefixes.IPv4Count,
            PrefixesIPv6 = prefixes.IPv6Count,
            PrefixesSkipped = prefixes.SkippedCount,
            PrefixesTooLarge = prefixes.TooLargeCount,
            Sources = sources,
        };
    }

    // Each IP version is held to the limit on its own, so a feed that keeps one cannot hide losing the other.
    private string? ShrinkReason(List<DatacenterRange> ranges, List<DatacenterRange> previousRanges)
    {
        foreach (var (family, isIPv4) in (ReadOnlySpan<(string, bool)>)[("IPv4", true), ("IPv6", false)])
        {
            var now = ranges.Count(range => range.Range.IsIPv4 == isIPv4);
            var before = previousRanges.Count(range => range.Range.IsIPv4 == isIPv4);
            if (before > 0 && now < before * (1 - options.MaxShrink))
            {
                var fall = 100 * (1 - ((double)now / before));
                var invariant = CultureInfo.InvariantCulture;
                return string.Create(invariant, $"{now} {family} ranges against {before} in the previous list, ")
                    + string.Create(invariant, $"a fall of {fall:0}%, more than the ")
                    + string.Create(invariant, $"{100 * options.MaxShrink:0}% allowed unless forced");
            }
        }

        return null;
    }
}
