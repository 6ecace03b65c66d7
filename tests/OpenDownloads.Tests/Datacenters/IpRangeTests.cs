using OpenDownloads.Datacenters;

namespace OpenDownloads.Tests.Datacenters;

public sealed class IpRangeTests
{
    [Fact]
    public void IsIPv4_IPv4Range_IsTrue()
    {
        var sut = Range("1.178.1.0", "1.178.1.255");

        Assert.True(sut.IsIPv4);
    }

    [Fact]
    public void IsIPv4_IPv6Range_IsFalse()
    {
        var sut = Range("2001:db8::", "2001:db8::ffff");

        Assert.False(sut.IsIPv4);
    }

    [Fact]
    public void AddressCount_SlashTwentyFour_Is256()
    {
        var sut = Range("1.178.1.0", "1.178.1.255");

        Assert.Equal((UInt128)256, sut.AddressCount);
    }

    [Fact]
    public void AddressCount_WholeIPv4Space_IsTwoToTheThirtyTwo()
    {
        var sut = Range("0.0.0.0", "255.255.255.255");

        Assert.Equal((UInt128)uint.MaxValue + 1, sut.AddressCount);
    }

    [Fact]
    public void AddressCount_WholeNumberLine_ThrowsOverflowException()
    {
        var sut = new IpRange(UInt128.MinValue, UInt128.MaxValue);

        Assert.Throws<OverflowException>(() => sut.AddressCount);
    }

    [Theory]
    [InlineData("1.178.1.0", true)] // first address
    [InlineData("1.178.1.255", true)] // last address
    [InlineData("1.178.0.255", false)] // just before
    [InlineData("1.178.2.0", false)] // just after
    public void Contains_Address_IsTrueOnlyInsideTheClosedRange(string address, bool expected)
    {
        var sut = Range("1.178.1.0", "1.178.1.255");

        Assert.Equal(expected, sut.Contains(IpAddressParser.Parse(address)));
    }

    [Theory]
    [InlineData("1.178.1.0", "1.178.1.255", "1.178.1.0-1.178.1.255")] // IPv4 written as IPv4
    [InlineData("2001:db8::", "2001:db8::ffff", "2001:db8::-2001:db8::ffff")] // IPv6 written compressed
    public void ToString_Range_WritesFirstAndLastAddress(string start, string end, string expected)
    {
        var sut = Range(start, end);

        Assert.Equal(expected, sut.ToString());
    }

    private static IpRange Range(string start, string end) =>
        new(IpAddressParser.Parse(start), IpAddressParser.Parse(end));
}
