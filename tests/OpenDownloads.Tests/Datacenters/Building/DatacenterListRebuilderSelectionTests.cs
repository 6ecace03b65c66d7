using OpenDownloads.Datacenters;
using OpenDownloads.Datacenters.Building;

namespace OpenDownloads.Tests.Datacenters.Building;

/// <summary>Rebuilding some providers leaves the others as the previous list had them, and says so.</summary>
public sealed class DatacenterListRebuilderSelectionTests
{
    [Fact]
    public async Task RebuildAsync_OnlyFastlySelected_KeepsTheOtherProvidersPreviousRows()
    {
        var previous = await GoodListAsync();
        var sut = SharedCopies.Rebuilder(SharedCopies.Options(o => o.Providers = "fastly"));

        var build = await sut.RebuildAsync(previous, CancellationToken.None);

        var aws = build.Manifest.Providers.Single(p => p.Id == "aws");
        Assert.Equal(("not-selected", "previous", true), (aws.Status, aws.RangesFrom, aws.KeptPrevious));
        Assert.Equal(Rows(previous.Ranges, "Amazon AWS"), Rows(build.Ranges.Ranges, "Amazon AWS"));
        Assert.Equal(previous.Manifest!.RangesIPv6, build.Manifest.RangesIPv6);
        Assert.Equal("updated", build.Manifest.Providers.Single(p => p.Id == "fastly").Status);
    }

    [Fact]
    public async Task RebuildAsync_OnlyFastlySelectedWithoutAPreviousList_FallsBackOnTheBaseRows()
    {
        var sut = SharedCopies.Rebuilder(SharedCopies.Options(o => o.Providers = "fastly"));

        var build = await sut.RebuildAsync(null, CancellationToken.None);

        var aws = build.Manifest.Providers.Single(p => p.Id == "aws");
        Assert.Equal(("not-selected", "base"), (aws.Status, aws.RangesFrom));
    }

    private static async Task<PublishedDatacenterList> GoodListAsync()
    {
        var build = await SharedCopies.Rebuilder(SharedCopies.Options()).RebuildAsync(null, CancellationToken.None);
        return new PublishedDatacenterList(build.Ranges.Ranges, build.Manifest);
    }

    private static List<string> Rows(IEnumerable<DatacenterRange> ranges, string name) =>
        [.. ranges.Where(r => r.Name == name).Select(r => r.Range.ToString())];
}
