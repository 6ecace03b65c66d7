using System.Net;
using OpenDownloads.Datacenters;

namespace OpenDownloads.Tests.Datacenters;

public sealed class IpAddressSpaceTests
{
    [Fact]
    public void FromIPAddress_IPv4AndItsMappedForm_AreTheSameValue()
    {
        var ipv4 = IPAddress.Parse("1.178.1.7");

        Assert.Equal(IpAddressSpace.FromIPAddress(ipv4), IpAddressSpace.FromIPAddress(ipv4.MapToIPv6()));
    }

    [Fact]
    public void FromIPAddress_IPv4_IsInsideTheIPv4Block()
    {
        var value = IpAddressSpace.FromIPAddress(IPAddress.Parse("0.0.0.1"));

        Assert.Equal(IpAddressSpace.Ipv4First + 1, value);
        Assert.True(IpAddressSpace.IsIPv4(value));
    }

    [Theory]
    [InlineData("1.178.1.7")] // IPv4 comes back as IPv4, not as ::ffff:1.178.1.7
    [InlineData("2001:db8::1")] // IPv6
    [InlineData("::fffe:ffff:ffff")] // the IPv6 address just below the IPv4 block
    public void ToIPAddress_Value_RoundTrips(string text)
    {
        var address = IPAddress.Parse(text);

        Assert.Equal(address, IpAddressSpace.ToIPAddress(IpAddressSpace.FromIPAddress(address)));
    }
}
