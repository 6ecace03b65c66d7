using System.Net;
using OpenDownloads.Datacenters;

namespace OpenDownloads.Tests.Datacenters;

public sealed class IpAddressParserTests
{
    public static TheoryData<string, string> ValidAddresses => new()
    {
        { "1.178.1.7", "1.178.1.7" }, // plain IPv4
        { "0.0.0.0", "0.0.0.0" }, // lowest IPv4
        { "255.255.255.255", "255.255.255.255" }, // highest IPv4
        { "10.0.0.1", "10.0.0.1" }, // a lone zero is not a leading zero
        { "2001:db8::1", "2001:db8::1" }, // compressed IPv6
        { "2001:0DB8:0000:0000:0000:0000:0000:0001", "2001:db8::1" }, // full, upper-case IPv6
        { "::ffff:1.2.3.4", "1.2.3.4" }, // IPv4-mapped IPv6 is the IPv4 address
        { "::FFFF:102:304", "1.2.3.4" }, // the same in hex
        { "::", "::" }, // lowest IPv6
    };

    public static TheoryData<string> InvalidAddresses => new()
    {
        "", // empty
        "1.2.3", // IPAddress reads this as 1.2.0.3
        "1.2.3.4.5", // too many parts
        "256.1.1.1", // part over 255
        "1234.1.1.1", // too many digits
        "01.2.3.4", // leading zero: IPAddress reads it as octal
        "1..2.3", // empty part
        "1.2.3.", // trailing dot
        " 1.2.3.4", // leading whitespace
        "1.2.3.4 ", // trailing whitespace
        "1.2.3.4:80", // a port
        "\u0661.\u0662.\u0663.\u0664", // Arabic-Indic digits
        "0x1.2.3.4", // hex part
        "[::1]", // brackets, which IPAddress accepts
        "[::1]:80", // brackets and port, which IPAddress accepts
        "fe80::1%eth0", // a zone id
        "1:2:3:4:5:6:7:8:9", // too many IPv6 groups
        "2001:db8::g", // not hex
    };

    [Theory]
    [MemberData(nameof(ValidAddresses))]
    public void TryParse_ValidAddress_ReturnsItsValue(string text, string expected)
    {
        var parsed = IpAddressParser.TryParse(text, out var address);

        Assert.True(parsed);
        Assert.Equal(IpAddressSpace.FromIPAddress(IPAddress.Parse(expected)), address);
    }

    [Theory]
    [MemberData(nameof(ValidAddresses))]
    public void Parse_ValidAddress_ReturnsItsValue(string text, string expected)
    {
        var address = IpAddressParser.Parse(text);

        Assert.Equal(IpAddressSpace.FromIPAddress(IPAddress.Parse(expected)), address);
    }

    [Theory]
    [MemberData(nameof(InvalidAddresses))]
    public void TryParse_InvalidText_ReturnsFalse(string text)
    {
        var parsed = IpAddressParser.TryParse(text, out var address);

        Assert.False(parsed);
        Assert.Equal(UInt128.Zero, address);
    }

    [Theory]
    [MemberData(nameof(InvalidAddresses))]
    public void Parse_InvalidText_ThrowsFormatExceptionQuotingIt(string text)
    {
        var error = Assert.Throws<FormatException>(() => IpAddressParser.Parse(text));

        Assert.Contains($"'{text}'", error.Message, StringComparison.Ordinal);
    }
}
