using System.Text.Json.Nodes;
using OpenDownloads.Datacenters.Building;
using OpenDownloads.Datacenters.Fetching;
using OpenDownloads.Tests.TestData;

namespace OpenDownloads.Tests.Datacenters.Building;

/// <summary>A provider cannot lose a whole IP version: the shrink guard holds for IPv4 and IPv6 separately.</summary>
public sealed class DatacenterListRebuilderFamilyGuardTests
{
    [Fact]
    public async Task RebuildAsync_AwsLostEveryIPv4PrefixButKeptIPv6_KeepsThePreviousRanges()
    {
        var previous = await GoodListAsync();
        var aws = JsonNode.Parse(File.ReadAllText(SharedData.Path("providers", "aws-ip-ranges.json")))!;
        aws["prefixes"] = new JsonArray();
        var sut = SharedCopies.Rebuilder(SharedCopies.Options(), Body("aws-ip-ranges.json", aws.ToJsonString()));

        var build = await sut.RebuildAsync(previous, CancellationToken.None);

        var entry = build.Manifest.Providers.Single(p => p.Id == "aws");
        Assert.Equal(("shrunk", "previous"), (entry.Status, entry.RangesFrom));
        Assert.Contains("IPv4", entry.Reason, StringComparison.Ordinal);
        Assert.True(entry.RangesIPv4 > 0);
    }

    [Fact]
    public async Task RebuildAsync_OneFileOfAMultiFileFeedIsEmpty_FailsTheProvider()
    {
        var previous = await GoodListAsync();
        var sut = SharedCopies.Rebuilder(SharedCopies.Options(), Body("cloudflare-ips-v6.txt", string.Empty));

        var build = await sut.RebuildAsync(previous, CancellationToken.None);

        var entry = build.Manifest.Providers.Single(p => p.Id == "cloudflare");
        Assert.Equal(("failed", "previous"), (entry.Status, entry.RangesFrom));
        Assert.Contains("cloudflare-ips-v6.txt lists no prefixes", entry.Reason, StringComparison.Ordinal);
        Assert.True(entry.RangesIPv6 > 0);
    }

    [Fact]
    public async Task RebuildAsync_NoPreviousList_OneEmptyFileStillFails()
    {
        var sut = SharedCopies.Rebuilder(SharedCopies.Options(), Body("cloudflare-ips-v6.txt", "\n"));

        var build = await sut.RebuildAsync(null, CancellationToken.None);

        Assert.Equal("failed", build.Manifest.Providers.Single(p => p.Id == "cloudflare").Status);
    }

    private static async Task<PublishedDatacenterList> GoodListAsync()
    {
        var build = await SharedCopies.Rebuilder(SharedCopies.Options()).RebuildAsync(null, CancellationToken.None);
        return new PublishedDatacenterList(build.Ranges.Ranges, build.Manifest);
    }

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
