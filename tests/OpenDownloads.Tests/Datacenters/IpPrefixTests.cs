using OpenDownloads.Datacenters;

namespace OpenDownloads.Tests.Datacenters;

public sealed class IpPrefixTests
{
    public static TheoryData<string, string> Valid => new()
    {
        // A typical IPv4 block.
        { "3.5.140.0/22", "3.5.140.0-3.5.143.255" },
        // A single host.
        { "15.230.15.29/32", "15.230.15.29-15.230.15.29" },
        // A typical IPv6 block.
        { "2600:1f00::/24", "2600:1f00::-2600:1fff:ffff:ffff:ffff:ffff:ffff:ffff" },
        // The whole IPv4 space stays IPv4.
        { "0.0.0.0/0", "0.0.0.0-255.255.255.255" },
    };

    public static TheoryData<string> Invalid => new()
    {
        "173.245.48.0/2", // host bits set: a cut '/20'
        "10.0.0.0", // no length
        "10.0.0.0/", // empty length
        "10.0.0.0/33", // longer than IPv4 allows
        "2001:db8::/129", // longer than IPv6 allows
        "10.0.0.0/08", // a leading zero in the length
        "10.0.0.0/+8", // a sign in the length
        "10.0.0/8", // three-part address
        "None", // DigitalOcean's placeholder
    };

    [Theory]
    [MemberData(nameof(Valid))]
    public void TryParse_ValidPrefix_ReturnsItsRange(string text, string expected)
    {
        var parsed = IpPrefix.TryParse(text, out var sut);

        Assert.True(parsed);
        Assert.Equal(expected, sut.Range.ToString());
        Assert.Equal(text, sut.ToString());
    }

    [Theory]
    [MemberData(nameof(Valid))]
    public void Parse_ValidPrefix_MatchesTryParse(string text, string expected)
    {
        var sut = IpPrefix.Parse(text);

        Assert.Equal(expected, sut.Range.ToString());
    }

    [Theory]
    [MemberData(nameof(Invalid))]
    public void TryParse_InvalidPrefix_ReturnsFalse(string text)
    {
        var parsed = IpPrefix.TryParse(text, out var sut);

        Assert.False(parsed);
        Assert.Equal(default, sut);
    }

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Parse_InvalidPrefix_ThrowsFormatExceptionQuotingIt(string text)
    {
        var error = Assert.Throws<FormatException>(() => IpPrefix.Parse(text));

        Assert.Contains($"'{text}'", error.Message, StringComparison.Ordinal);
    }
}
