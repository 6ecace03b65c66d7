using OpenDownloads.Datacenters;
using OpenDownloads.Datacenters.Output;

namespace OpenDownloads.Tests.Datacenters.Building;

/// <summary>Rebuilds from ipcat's list plus the real feed copies: the "same feeds, same day" checks.</summary>
public sealed class DatacenterListRebuilderSharedCopyTests
{
    [Theory]
    [InlineData("Amazon AWS")] // EC2 from the 2026-08-22 copy, as ipcat used that day
    [InlineData("Google Cloud")]
    [InlineData("Cloudflare Inc")]
    [InlineData("Fastly")]
    public async Task RebuildAsync_OverIpcat_CoversEveryAddressIpcatGivesTheProvider(string provider)
    {
        var sut = SharedCopies.Rebuilder(SharedCopies.Options());
        using var ipcat = File.OpenRead(SharedCopies.IpcatList);
        var ipcatRows = DatacenterRangeSet.Load([(ipcat, SharedCopies.IpcatList)]).Ranges.Where(r => r.Name == provider).ToList();

        var build = await sut.RebuildAsync(previous: null, CancellationToken.None);

        Assert.NotEmpty(ipcatRows);
        Assert.All(ipcatRows, row => Assert.True(
            CoveredBy(build.Ranges, row.Range, provider), $"{row.Range} of {provider} is not wholly {provider}'s."));
    }

    [Fact]
    public async Task RebuildAsync_SharedCopies_WritesIPv6RangesForEveryProviderThatPublishesThem()
    {
        var sut = SharedCopies.Rebuilder(SharedCopies.Options());

        var build = await sut.RebuildAsync(previous: null, CancellationToken.None);

        var withIPv6 = build.Manifest.Providers.Where(p => p.PrefixesIPv6 > 0).Select(p => p.Id).Order().ToList();
        Assert.Equal(["aws", "azure", "cloudflare", "digitalocean", "fastly", "google-cloud", "linode", "vultr"], withIPv6);
        Assert.All(build.Manifest.Providers.Where(p => p.PrefixesIPv6 > 0), p => Assert.True(p.RangesIPv6 > 0, p.Id));
        Assert.Equal(build.Manifest.RangesIPv6, build.Ranges.Ranges.Count(r => !r.Range.IsIPv4));
    }

    [Fact]
    public async Task RebuildAsync_AkamaiHasNoLocalCopy_KeepsIpcatsAkamaiRowsAndSaysSo()
    {
        var sut = SharedCopies.Rebuilder(SharedCopies.Options());

        var build = await sut.RebuildAsync(previous: null, CancellationToken.None);

        var akamai = build.Manifest.Providers.Single(p => p.Id == "akamai");
        Assert.Equal(("failed", "base", true), (akamai.Status, akamai.RangesFrom, akamai.KeptPrevious));
        Assert.Contains("no readable local copy", akamai.Reason, StringComparison.Ordinal);
        Assert.Equal(19, akamai.RangesIPv4);
    }

    [Fact]
    public async Task RebuildAsync_SharedCopies_RecordsEachFeedsHashAndSize()
    {
        var sut = SharedCopies.Rebuilder(SharedCopies.Options());

        var build = await sut.RebuildAsync(previous: null, CancellationToken.None);

        var fastly = build.Manifest.Providers.Single(p => p.Id == "fastly").Sources.Single();
        Assert.Equal(402, fastly.Bytes);
        Assert.StartsWith("d0fa4abe04cded89", fastly.Sha256, StringComparison.Ordinal); // as SOURCES.md lists it
        Assert.Equal("local", fastly.LocationSource);
    }

    [Fact]
    public async Task RebuildAsync_SharedCopies_ManifestListsEveryOtherFileWithItsHash()
    {
        var sut = SharedCopies.Rebuilder(SharedCopies.Options());

        var build = await sut.RebuildAsync(previous: null, CancellationToken.None);

        var written = build.Files.Where(f => f.Key != DatacenterListFiles.Manifest)
            .Select(f => new ManifestFile(f.Key, f.Value.LongLength, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(f.Value))));
        Assert.Equal(written, build.Manifest.Files);
        Assert.Equal(DatacenterListFiles.Manifest, build.Files[^1].Key);
    }

    [Fact]
    public async Task RebuildAsync_SharedCopies_ReplacesIpcatsRowsOfFetchedProvidersOnly()
    {
        var sut = SharedCopies.Rebuilder(SharedCopies.Options(o => o.Providers = "aws"));

        var build = await sut.RebuildAsync(previous: null, CancellationToken.None);

        // ipcat's 946 Azure rows stay when Azure is not fetched; AWS rows are the feed's EC2 prefixes, merged.
        Assert.Equal(946, build.Ranges.Ranges.Count(r => r.Name == "Microsoft Azure"));
        Assert.Equal("updated", build.Manifest.Providers.Single(p => p.Id == "aws").Status);
    }

    private static bool CoveredBy(DatacenterRangeSet set, IpRange range, string provider)
    {
        var position = range.Start;
        while (set.TryFind(position, out var found) && found.Name == provider)
        {
            if (found.Range.End >= range.End)
            {
                return true;
            }

            position = found.Range.End + 1;
        }

        return false;
    }
}
