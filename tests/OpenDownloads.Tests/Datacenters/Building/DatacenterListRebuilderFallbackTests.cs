using OpenDownloads.Datacenters;
using OpenDownloads.Datacenters.Building;
using OpenDownloads.Datacenters.Fetching;

namespace OpenDownloads.Tests.Datacenters.Building;

/// <summary>
/// Never publish a bad list: failed, empty or shrunken feeds and a lost base list fall back on the last good data.
/// </summary>
public sealed class DatacenterListRebuilderFallbackTests
{
    [Fact]
    public async Task RebuildAsync_FeedFailsAfterAGoodRun_KeepsThePreviousRangesAndSaysWhy()
    {
        var previous = await GoodListAsync();
        var sut = SharedCopies.Rebuilder(SharedCopies.Options(), Fail("aws-ip-ranges.json", "HTTP 503"));

        var build = await sut.RebuildAsync(previous, CancellationToken.None);

        var aws = build.Manifest.Providers.Single(p => p.Id == "aws");
        Assert.Equal(("failed", "previous", true, "HTTP 503"), (aws.Status, aws.RangesFrom, aws.KeptPrevious, aws.Reason));
        Assert.Equal(Rows(previous.Ranges, "Amazon AWS"), Rows(build.Ranges.Ranges, "Amazon AWS"));
    }

    [Fact]
    public async Task RebuildAsync_FeedListsNothing_TreatsItAsFailed()
    {
        var previous = await GoodListAsync();
        var sut = SharedCopies.Rebuilder(SharedCopies.Options(), Body("fastly-public-ip-list.json", """{"addresses":[],"ipv6_addresses":[]}"""));

        var build = await sut.RebuildAsync(previous, CancellationToken.None);

        var fastly = build.Manifest.Providers.Single(p => p.Id == "fastly");
        Assert.Equal(("failed", "the feed lists no prefixes"), (fastly.Status, fastly.Reason));
        Assert.Equal(Rows(previous.Ranges, "Fastly"), Rows(build.Ranges.Ranges, "Fastly"));
    }

    [Fact]
    public async Task RebuildAsync_FeedLostMoreThanHalfItsRanges_KeepsThePreviousOnes()
    {
        var previous = await GoodListAsync();
        var sut = SharedCopies.Rebuilder(SharedCopies.Options(), Body("cloudflare-ips-v4.txt", "173.245.48.0/20"));

        var build = await sut.RebuildAsync(previous, CancellationToken.None);

        var cloudflare = build.Manifest.Providers.Single(p => p.Id == "cloudflare");
        Assert.Equal(("shrunk", "previous"), (cloudflare.Status, cloudflare.RangesFrom));
        Assert.Contains("more than the 50% allowed", cloudflare.Reason, StringComparison.Ordinal);
        Assert.Equal(Rows(previous.Ranges, "Cloudflare Inc"), Rows(build.Ranges.Ranges, "Cloudflare Inc"));
    }

    [Fact]
    public async Task RebuildAsync_ShrunkenFeedWithForce_AcceptsIt()
    {
        var previous = await GoodListAsync();
        var options = SharedCopies.Options(o => o.Force = true);
        var sut = SharedCopies.Rebuilder(options, Body("cloudflare-ips-v4.txt", "173.245.48.0/20"));

        var build = await sut.RebuildAsync(previous, CancellationToken.None);

        Assert.Equal("updated", build.Manifest.Providers.Single(p => p.Id == "cloudflare").Status);
        Assert.True(build.Manifest.Forced);
        Assert.Equal(8, Rows(build.Ranges.Ranges, "Cloudflare Inc").Count); // one IPv4 and seven IPv6 prefixes
    }

    [Fact]
    public async Task RebuildAsync_NoBaseListAndNoPreviousList_RefusesToBuild()
    {
        var sut = SharedCopies.Rebuilder(SharedCopies.Options(o => o.BaseList = "/nonexistent/datacenters.csv"));

        var error = await Assert.ThrowsAsync<DatacenterRebuildException>(() => sut.RebuildAsync(null, CancellationToken.None));

        Assert.Contains("no previous list", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RebuildAsync_NoBaseListAfterAGoodRun_KeepsThePreviousHandKeptRows()
    {
        var previous = await GoodListAsync();
        var sut = SharedCopies.Rebuilder(SharedCopies.Options(o => o.BaseList = "/nonexistent/datacenters.csv"));

        var build = await sut.RebuildAsync(previous, CancellationToken.None);

        Assert.NotNull(build.Manifest.BaseList.Error);
        Assert.Equal(Rows(previous.Ranges, "Psychz Networks"), Rows(build.Ranges.Ranges, "Psychz Networks"));
        Assert.Equal(previous.Ranges.Count, build.Ranges.Count);
    }

    private static async Task<PublishedDatacenterList> GoodListAsync()
    {
        var build = await SharedCopies.Rebuilder(SharedCopies.Options()).RebuildAsync(null, CancellationToken.None);
        return new PublishedDatacenterList(build.Ranges.Ranges, build.Manifest);
    }

    private static List<string> Rows(IEnumerable<DatacenterRange> ranges, string name) =>
        [.. ranges.Where(r => r.Name == name).Select(r => r.Range.ToString())];

    private static Func<FeedRequest, FeedResponse?> Fail(string fileName, string error) => request =>
        request.Document.FileName == fileName
            ? new FeedResponse { Location = fileName, LocationSource = "local", FetchedAt = SharedCopies.Now, Error = error }
            : null;

    private static Func<FeedRequest, FeedResponse?> Body(string fileName, string body) => request =>
        request.Document.FileName == fileName
            ? new FeedResponse
            {
                Location = fileName,
                LocationSource = "local",
                FetchedAt = SharedCopies.Now,
                Body = System.Text.Encoding.UTF8.GetBytes(body),
            }
            : null;
}
