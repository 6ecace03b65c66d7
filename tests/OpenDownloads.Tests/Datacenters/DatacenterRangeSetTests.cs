using System.Net;
using System.Text;
using OpenDownloads.Datacenters;

namespace OpenDownloads.Tests.Datacenters;

public sealed class DatacenterRangeSetTests
{
    private const string MixedList = """
        1.178.1.0,1.178.1.255,Amazon AWS,http://www.amazon.com/aws/
        2600:1f00::,2600:1fff:ffff:ffff:ffff:ffff:ffff:ffff,Amazon AWS,http://www.amazon.com/aws/
        2a01:111::,2a01:111:ffff:ffff:ffff:ffff:ffff:ffff,Microsoft Azure,https://azure.microsoft.com/
        """;

    [Theory]
    [InlineData("1.178.1.7", "Amazon AWS")] // IPv4 inside a range
    [InlineData("1.178.1.0", "Amazon AWS")] // the first address of a range
    [InlineData("1.178.1.255", "Amazon AWS")] // the last address of a range
    [InlineData("::ffff:1.178.1.7", "Amazon AWS")] // IPv4-mapped IPv6 is looked up as IPv4
    [InlineData("2600:1f00::1", "Amazon AWS")] // IPv6 inside a range
    [InlineData("2a01:111:ffff:ffff:ffff:ffff:ffff:ffff", "Microsoft Azure")] // the last IPv6 address of a range
    public void TryFind_AddressInARange_ReturnsThatRange(string address, string expected)
    {
        var sut = Load(MixedList);

        var found = sut.TryFind(IPAddress.Parse(address), out var range);

        Assert.True(found);
        Assert.Equal(expected, range!.Name);
    }

    [Theory]
    [InlineData("1.178.0.255")] // just before an IPv4 range
    [InlineData("1.178.2.0")] // just after an IPv4 range
    [InlineData("2600:1eff:ffff:ffff:ffff:ffff:ffff:ffff")] // just before an IPv6 range
    [InlineData("::1.178.1.7")] // the deprecated IPv4-compatible form is IPv6, not IPv4
    [InlineData("0.0.0.0")] // below every range
    [InlineData("ffff::1")] // above every range
    public void TryFind_AddressOutsideEveryRange_ReturnsFalse(string address)
    {
        var sut = Load(MixedList);

        var found = sut.TryFind(IPAddress.Parse(address), out var range);

        Assert.False(found);
        Assert.Null(range);
    }

    [Fact]
    public void TryFind_MappedIPAddressObject_FindsTheIPv4Range()
    {
        var sut = Load(MixedList);

        var found = sut.TryFind(IPAddress.Parse("1.178.1.7").MapToIPv6(), out var range);

        Assert.True(found);
        Assert.Equal("1.178.1.0-1.178.1.255", range!.Range.ToString());
    }

    [Fact]
    public void TryFind_ParsedAddress_MatchesTheIPAddressOverload()
    {
        var sut = Load(MixedList);

        var found = sut.TryFind(IpAddressParser.Parse("2600:1f00::1"), out var range);

        Assert.True(found);
        Assert.Equal("Amazon AWS", range!.Name);
    }

    [Fact]
    public void TryFind_EmptySet_ReturnsFalse()
    {
        var sut = Load("# nothing listed\n");

        Assert.False(sut.TryFind(IPAddress.Parse("1.2.3.4"), out _));
    }

    [Fact]
    public void Load_TwoOverlappingLists_FirstListWins()
    {
        using var curated = ToStream("1.2.3.0,1.2.3.127,Curated,c\n");
        using var feed = ToStream("1.2.0.0,1.2.255.255,Feed,f\n");

        var sut = DatacenterRangeSet.Load([(curated, "curated.csv"), (feed, "feed.csv")]);

        Assert.Equal("Curated", sut.TryFind(IPAddress.Parse("1.2.3.100"), out var inner) ? inner.Name : null);
        Assert.Equal("Feed", sut.TryFind(IPAddress.Parse("1.2.3.200"), out var outer) ? outer.Name : null);
    }

    [Fact]
    public void Load_BadRowInSecondList_NamesThatList()
    {
        using var good = ToStream("1.2.3.0,1.2.3.127,Good,g\n");
        using var bad = ToStream("1.2.3.0,1.2.3.127,Bad\n");

        var error = Assert.Throws<FormatException>(
            () => DatacenterRangeSet.Load([(good, "good.csv"), (bad, "bad.csv")]));

        Assert.Contains("Line 1 of the datacenter list 'bad.csv'", error.Message, StringComparison.Ordinal);
    }

    private static DatacenterRangeSet Load(string csv)
    {
        using var stream = ToStream(csv);
        return DatacenterRangeSet.Load([(stream, "list.csv")]);
    }

    private static MemoryStream ToStream(string csv) => new(Encoding.UTF8.GetBytes(csv));
}
