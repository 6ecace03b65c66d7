using System.Text;
using OpenDownloads.Datacenters;
using OpenDownloads.Datacenters.Output;
using OpenDownloads.Tests.TestData;

namespace OpenDownloads.Tests.Datacenters.Output;

public sealed class DatacenterCsvWriterTests
{
    [Fact]
    public void Write_IpcatListReadBack_IsByteForByteIpcatsFile()
    {
        var path = SharedData.Path("ipcat", "datacenters.csv");
        using var stream = File.OpenRead(path);
        var ranges = DatacenterRangeSet.Load([(stream, path)]).Ranges;

        var sut = DatacenterCsvWriter.Write(ranges);

        Assert.Equal(File.ReadAllBytes(path), sut);
    }

    public static TheoryData<string, string> Fields => new()
    {
        // No quoting when none is needed.
        { "Amazon AWS", "Amazon AWS" },
        // A comma forces quotes, as in ipcat's ThePlanet rows.
        { "ThePlanet.com Internet Services, Inc.", "\"ThePlanet.com Internet Services, Inc.\"" },
        // A quote is doubled inside quotes.
        { "The \"Cloud\"", "\"The \"\"Cloud\"\"\"" },
        // Leading white space is quoted so it survives reading.
        { " Spaced", "\" Spaced\"" },
    };

    [Theory]
    [MemberData(nameof(Fields))]
    public void Write_Name_QuotesLikeGoEncodingCsv(string name, string expected)
    {
        var range = new DatacenterRange(new IpRange(IpAddressParser.Parse("192.0.2.0"), IpAddressParser.Parse("192.0.2.255")), name, "u");

        var sut = Encoding.UTF8.GetString(DatacenterCsvWriter.Write([range]));

        Assert.Equal($"192.0.2.0,192.0.2.255,{expected},u\n", sut);
    }

    [Fact]
    public void Write_IPv6Range_UsesCompressedLowerCaseAddresses()
    {
        var prefix = IpPrefix.Parse("2600:1F00::/24").Range;

        var sut = Encoding.UTF8.GetString(DatacenterCsvWriter.Write([new DatacenterRange(prefix, "Amazon AWS", "u")]));

        Assert.Equal("2600:1f00::,2600:1fff:ffff:ffff:ffff:ffff:ffff:ffff,Amazon AWS,u\n", sut);
    }
}
