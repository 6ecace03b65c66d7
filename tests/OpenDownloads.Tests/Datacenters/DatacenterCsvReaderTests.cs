using System.Text;
using OpenDownloads.Datacenters;

namespace OpenDownloads.Tests.Datacenters;

public sealed class DatacenterCsvReaderTests
{
    [Fact]
    public void Read_ListWithBomCrlfCommentsBlanksAndQuotes_ReadsEveryRow()
    {
        var csv = "\uFEFF# provider list\r\n"
            + "1.178.1.0,1.178.1.255,Amazon AWS,http://www.amazon.com/aws/\r\n"
            + "\r\n"
            + "   \r\n"
            + "  # an indented comment\r\n"
            + "64.5.32.0,64.5.63.255,\"ThePlanet.com Internet Services, Inc.\",http://theplanet.com\r\n"
            + "2600:1f00::,2600:1fff:ffff:ffff:ffff:ffff:ffff:ffff,Amazon AWS,";

        var ranges = Read(csv);

        Assert.Equal(
            [
                "1.178.1.0-1.178.1.255 Amazon AWS http://www.amazon.com/aws/",
                "64.5.32.0-64.5.63.255 ThePlanet.com Internet Services, Inc. http://theplanet.com",
                "2600:1f00::-2600:1fff:ffff:ffff:ffff:ffff:ffff:ffff Amazon AWS ",
            ],
            ranges.Select(range => $"{range.Range} {range.Name} {range.Url}"));
    }

    [Fact]
    public void Read_AddressesWithSurroundingSpaces_TrimsThem()
    {
        var ranges = Read(" 1.2.3.0 , 1.2.3.255 ,Name,url");

        Assert.Equal("1.2.3.0-1.2.3.255", Assert.Single(ranges).Range.ToString());
    }

    [Fact]
    public void Read_Stream_LeavesItOpenForTheCaller()
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes("1.2.3.0,1.2.3.255,Name,url"));

        DatacenterCsvReader.Read(stream, "list.csv");

        Assert.True(stream.CanRead);
    }

    public static TheoryData<string, string> BadRows => new()
    {
        { "1.2.3.0,1.2.3.255,Name", "has 3 fields ('1.2.3.0,1.2.3.255,Name'); expected 4 fields: start,end,name,url" },
        { "1.2.3.0,1.2.3.255,Name,url,extra", "has 5 fields" }, // too many as well as too few
        { "1.2.3,1.2.3.255,Name,url", "has the start address '1.2.3', which is not an IP address; expected" },
        { "1.2.3.0,1.2.3.256,Name,url", "has the end address '1.2.3.256', which is not an IP address" },
        { "1.2.3.9,1.2.3.0,Name,url", "starts at '1.2.3.9', after its end '1.2.3.0'; expected start at or before" },
        { "2001:db8::,2001:db7::,Name,url", "starts at '2001:db8::', after its end '2001:db7::'" }, // IPv6 too
        { "1.2.3.0,2001:db8::,Name,url", "mixes address families ('1.2.3.0' to '2001:db8::'); expected both" },
        { "1.2.3.0,1.2.3.255,\"Name, Inc,url", "A quoted field is not closed" },
        { "1.2.3.0,1.2.3.255, ,url", "has an empty name" },
    };

    [Theory]
    [MemberData(nameof(BadRows))]
    public void Read_BadRow_ThrowsFormatExceptionNamingSourceLineAndValue(string row, string expected)
    {
        var csv = "1.0.0.0,1.0.0.255,Good,url\n# comment\n" + row + "\n";

        var error = Assert.Throws<FormatException>(() => Read(csv));

        Assert.StartsWith("Line 3 of the datacenter list 'list.csv' ", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    private static List<DatacenterRange> Read(string csv)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(csv));
        return DatacenterCsvReader.Read(stream, "list.csv");
    }
}
