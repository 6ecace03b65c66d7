using System.Net;
using OpenDownloads.Datacenters;
using OpenDownloads.Tests.TestData;

namespace OpenDownloads.Tests.Datacenters;

/// <summary>Checks the range set against ipcat's real datacenters.csv, read from the shared folder.</summary>
public sealed class DatacenterRangeSetIpcatTests
{
    private static readonly string ListPath = SharedData.Path("ipcat", "datacenters.csv");

    [Fact]
    public void Load_IpcatList_KeepsEveryRowBecauseNoneOverlapOrTouch()
    {
        var sut = LoadList();

        Assert.Equal(4_668, sut.Count);
    }

    [Fact]
    public void Load_IpcatList_CoversTheListedNumberOfIPv4Addresses()
    {
        var sut = LoadList();

        var total = sut.Ranges.Aggregate(UInt128.Zero, (sum, range) => sum + range.Range.AddressCount);

        Assert.All(sut.Ranges, range => Assert.True(range.Range.IsIPv4));
        Assert.Equal((UInt128)197_949_113, total);
    }

    [Theory]
    [InlineData("1.178.1.7", "Amazon AWS")] // inside the list's first row
    [InlineData("1.178.1.255", "Amazon AWS")] // the first row's last address
    [InlineData("64.5.32.1", "ThePlanet.com Internet Services, Inc.")] // a quoted name with a comma
    [InlineData("223.27.175.255", "Voxel")] // the list's last address
    public void TryFind_AddressInAListedRange_ReturnsItsProvider(string address, string expected)
    {
        var sut = LoadList();

        var found = sut.TryFind(IPAddress.Parse(address), out var range);

        Assert.True(found);
        Assert.Equal(expected, range!.Name);
    }

    [Theory]
    [InlineData("1.178.2.0")] // just after the first row, before the second (1.178.4.0)
    [InlineData("1.178.0.255")] // just before the first row
    [InlineData("223.27.176.0")] // just after the last row
    [InlineData("2600:1f00::1")] // the list is IPv4 only
    public void TryFind_AddressOutsideTheList_ReturnsFalse(string address)
    {
        var sut = LoadList();

        var found = sut.TryFind(IPAddress.Parse(address), out _);

        Assert.False(found);
    }

    private static DatacenterRangeSet LoadList()
    {
        using var stream = File.OpenRead(ListPath);
        return DatacenterRangeSet.Load([(stream, ListPath)]);
    }
}
