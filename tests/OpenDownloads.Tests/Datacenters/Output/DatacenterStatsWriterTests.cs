using System.Text;
using OpenDownloads.Datacenters;
using OpenDownloads.Datacenters.Output;
using OpenDownloads.Tests.TestData;

namespace OpenDownloads.Tests.Datacenters.Output;

public sealed class DatacenterStatsWriterTests
{
    [Fact]
    public void WriteIPv4_IpcatList_IsByteForByteIpcatsStatsFile()
    {
        var path = SharedData.Path("ipcat", "datacenters.csv");
        using var stream = File.OpenRead(path);
        var ranges = DatacenterRangeSet.Load([(stream, path)]).Ranges;

        var sut = DatacenterStatsWriter.WriteIPv4(ranges);

        Assert.Equal(File.ReadAllBytes(SharedData.Path("ipcat", "datacenters-stats.csv")), sut);
    }

    [Fact]
    public void WriteIPv6_RangesSharingA64_CountsItOnce()
    {
        DatacenterRange[] ranges =
        [
            new(IpPrefix.Parse("2001:db8::/126").Range, "A", "u"),
            new(IpPrefix.Parse("2001:db8::8/126").Range, "A", "u"),
            new(IpPrefix.Parse("2001:db8:1::/48").Range, "B", "u"),
        ];

        var sut = Encoding.UTF8.GetString(DatacenterStatsWriter.WriteIPv6(ranges));

        Assert.Equal("Datacenter Name, Total /64 Networks\nB,65536\nA,1\n", sut);
    }
}
