using OpenDownloads.Datacenters;
using OpenDownloads.Datacenters.Fetching;

namespace OpenDownloads.Tests.Datacenters.Building;

/// <summary>
/// No source may swallow the list: implausibly large ranges are refused from feeds and the base list alike, and
/// special-purpose space is skipped in base rows as it is in feeds.
/// </summary>
public sealed class DatacenterListRebuilderRangeSanityTests : IDisposable
{
    private readonly string _base = Path.Combine(Path.GetTempPath(), $"odl-base-{Guid.NewGuid():N}.csv");

    [Fact]
    public async Task RebuildAsync_BaseRowsCoveringEverything_AreSkippedAndRecorded()
    {
        WriteBase("0.0.0.0,255.255.255.255,Everything,http://x", "::,ffff::,Everything6,http://x");
        var sut = SharedCopies.Rebuilder(SharedCopies.Options(o => o.BaseList = _base));

        var build = await sut.RebuildAsync(null, CancellationToken.None);

        Assert.DoesNotContain(build.Ranges.Ranges, range => range.Name.StartsWith("Everything", StringComparison.Ordinal));
        Assert.Equal(2, build.Manifest.BaseRowsSpecialPurpose);
    }

    [Fact]
    public async Task RebuildAsync_BaseRowsLargerThanTheLimit_AreRefusedAndRecorded()
    {
        WriteBase("32.0.0.0,63.255.255.255,Huge,http://x", "2400::,24ff:ffff:ffff:ffff:ffff:ffff:ffff:ffff,Huge6,http://x");
        var sut = SharedCopies.Rebuilder(SharedCopies.Options(o => o.BaseList = _base));

        var build = await sut.RebuildAsync(null, CancellationToken.None);

        Assert.DoesNotContain(build.Ranges.Ranges, range => range.Name.StartsWith("Huge", StringComparison.Ordinal));
        Assert.Equal(2, build.Manifest.BaseRowsTooLarge);
        Assert.Contains(build.Ranges.Ranges, range => range.Name == "Psychz Networks");
    }

    [Fact]
    public async Task RebuildAsync_BaseRowsInPrivateOrDocumentationSpace_AreSkippedAndRecorded()
    {
        WriteBase("10.1.0.0,10.1.255.255,Private,http://x", "192.0.2.0,192.0.2.255,Documentation,http://x");
        var sut = SharedCopies.Rebuilder(SharedCopies.Options(o => o.BaseList = _base));

        var build = await sut.RebuildAsync(null, CancellationToken.None);

        Assert.DoesNotContain(build.Ranges.Ranges, range => range.Name is "Private" or "Documentation");
        Assert.Equal(2, build.Manifest.BaseRowsSpecialPurpose);
    }

    [Fact]
    public async Task RebuildAsync_FeedPrefixLargerThanASlash8_IsRefusedAndRecorded()
    {
        var sut = SharedCopies.Rebuilder(SharedCopies.Options(), Body("cloudflare-ips-v4.txt", "32.0.0.0/3\n173.245.48.0/20"));

        var build = await sut.RebuildAsync(null, CancellationToken.None);

        var cloudflare = build.Manifest.Providers.Single(p => p.Id == "cloudflare");
        Assert.Equal(1, cloudflare.PrefixesTooLarge);
        Assert.DoesNotContain(build.Ranges.Ranges, range => range.Range.Contains(IpAddressParser.Parse("40.0.0.1"))
            && range.Name == "Cloudflare Inc");
    }

    public void Dispose() => File.Delete(_base);

    private void WriteBase(params string[] extraRows) =>
        File.WriteAllLines(_base, [.. File.ReadAllLines(SharedCopies.IpcatList), .. extraRows]);

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
