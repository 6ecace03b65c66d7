using OpenDownloads.Datacenters;
using OpenDownloads.Datacenters.Providers;

namespace OpenDownloads.Tests.Datacenters.Providers;

public sealed class SpecialPurposeRangesTests
{
    public static TheoryData<string, bool> Prefixes => new()
    {
        { "192.0.2.0/24", true }, // TEST-NET-1, listed by Vultr
        { "10.1.0.0/16", true }, // private space inside 10/8
        { "192.0.0.0/16", true }, // a public-looking /16 that holds TEST-NET-1
        { "240.0.0.0/8", true }, // reserved
        { "2001:db8:1::/48", true }, // IPv6 documentation
        { "fd00::/8", true }, // unique local, outside 2000::/3
        { "::ffff:0:0/96", true }, // an IPv6 prefix in ::/3, not IPv4 space
        { "3.5.140.0/22", false }, // AWS EC2
        { "2600:1f00::/24", false }, // AWS IPv6
        { "223.255.255.0/24", false }, // the last unicast /24 before multicast
    };

    [Theory]
    [MemberData(nameof(Prefixes))]
    public void Overlaps_Prefix_SaysWhetherItTouchesSpecialPurposeSpace(string prefix, bool expected)
    {
        var sut = SpecialPurposeRanges.Overlaps(IpPrefix.Parse(prefix));

        Assert.Equal(expected, sut);
    }
}
