using OpenDownloads.Datacenters.Building;
using OpenDownloads.Datacenters;
using OpenDownloads.Tests.TestData;

namespace OpenDownloads.Tests.Datacenters.Building;

/// <summary>
/// Whole rebuilds against a feed server on 127.0.0.1 serving the real copies: each injected failure leaves the
/// provider with its previous ranges, and an unchanged feed is not downloaded again.
/// </summary>
public sealed class DatacenterListRebuilderFeedServerTests : IDisposable
{
    private const string AwsFile = "aws-ip-ranges.json";

    private readonly FeedServer _server = new();
    private readonly HttpClient _http = new();
    private readonly ListLogger _logger = new();

    public static TheoryData<string, FeedFault, string> Faults => new()
    {
        { "server error on every attempt", new FeedFault.Status(503), "HTTP 503" },
        { "not found", new FeedFault.Status(404), "HTTP 404" },
        { "no answer within the timeout", new FeedFault.Hang(TimeSpan.FromSeconds(30)), "timed out" },
        { "an HTML page instead of JSON", new FeedFault.Replace("<!DOCTYPE html><html>Sorry</html>"u8.ToArray()), "not JSON" },
        { "an empty body", new FeedFault.Replace([]), "the body is empty" },
        { "a body cut short of its length", new FeedFault.Truncate(AnnounceLength: true), "" },
        { "a chunked body cut in half", new FeedFault.Truncate(AnnounceLength: false), "not JSON" },
        { "a schema change", new FeedFault.Replace("""{"syncToken":"1","prefixes_v2":[]}"""u8.ToArray()), "no array 'prefixes'" },
    };

    [Theory]
    [MemberData(nameof(Faults))]
    public async Task RebuildAsync_AwsFeedFails_KeepsAwsRangesFromThePreviousListAndSaysWhy(
        string fault,
        FeedFault injected,
        string expectedReason)
    {
        var previous = await RebuildAsync(null);
        _server.Inject(AwsFile, injected);

        var build = await RebuildAsync(Published(previous));

        var aws = build.Manifest.Providers.Single(p => p.Id == "aws");
        Assert.True(aws.Status == "failed", fault);
        Assert.Equal(("previous", true), (aws.RangesFrom, aws.KeptPrevious));
        Assert.Contains(expectedReason, aws.Reason, StringComparison.Ordinal);
        Assert.Equal(Rows(previous, "Amazon AWS"), Rows(build, "Amazon AWS"));
        Assert.Contains(_logger.Entries, entry => entry.EventId == 3002 && entry.Message.StartsWith("Amazon AWS: failed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RebuildAsync_FeedsUnchangedSinceLastRun_SendsValidatorsAndReusesThePreviousRanges()
    {
        var previous = await RebuildAsync(null);

        var build = await RebuildAsync(Published(previous));

        var served = build.Manifest.Providers.Where(p => p.Id != "akamai").ToList();
        Assert.All(served, p => Assert.Equal(("not-modified", false), (p.Status, p.KeptPrevious)));
        Assert.All(_server.Requests.Where(r => r.Path == "/" + AwsFile).Skip(1), r => Assert.NotNull(r.IfNoneMatch));
        Assert.Equal(previous.Files[0].Value, build.Files[0].Value);
        Assert.Equal(previous.Files[1].Value, build.Files[1].Value);
    }

    [Fact]
    public async Task RebuildAsync_OneOfTwoCloudflareFilesChanged_RefetchesBothUnconditionally()
    {
        var previous = await RebuildAsync(null);
        // Five of the seven IPv6 prefixes: a change, but within the shrink limit of the IPv6 ranges alone.
        var v6 = File.ReadAllLines(SharedData.Path("providers", "cloudflare-ips-v6.txt")).Take(5);
        _server.Inject("cloudflare-ips-v6.txt", new FeedFault.Replace(System.Text.Encoding.UTF8.GetBytes(string.Join('\n', v6))));

        var build = await RebuildAsync(Published(previous));

        var cloudflare = build.Manifest.Providers.Single(p => p.Id == "cloudflare");
        Assert.Equal(("updated", 15, 5), (cloudflare.Status, cloudflare.PrefixesIPv4, cloudflare.PrefixesIPv6));
        Assert.Null(_server.Requests.Where(r => r.Path == "/cloudflare-ips-v4.txt").Last().IfNoneMatch);
    }

    public void Dispose()
    {
        _http.Dispose();
        _server.Dispose();
    }

    private static PublishedDatacenterList Published(DatacenterListBuild build) => new(build.Ranges.Ranges, build.Manifest);

    private static List<string> Rows(DatacenterListBuild build, string name) =>
        [.. build.Ranges.Ranges.Where(r => r.Name == name).Select(r => r.Range.ToString())];

    private Task<DatacenterListBuild> RebuildAsync(PublishedDatacenterList? previous)
    {
        var options = new DatacenterRebuildOptions
        {
            BaseList = SharedCopies.IpcatList,
            FeedBaseUrl = _server.BaseUrl,
            FeedTimeout = TimeSpan.FromSeconds(2),
            FeedAttempts = 2,
            RetryDelay = TimeSpan.FromMilliseconds(10),
        };
        var sut = DatacenterListRebuilder.Create(options, _http, TimeProvider.System, _logger);
        return sut.RebuildAsync(previous, CancellationToken.None);
    }
}
