using OpenDownloads.Streaming.Input;

namespace OpenDownloads.Tests.Streaming.Input;

public sealed class CallerAddressTests
{
    public static TheoryData<string, string, string> Addresses { get; } = new()
    {
        { "203.0.113.5:52114", "203.0.113.5", "IPv4 with its port" },
        { "203.0.113.5", "203.0.113.5", "IPv4 without a port" },
        { "[2001:db8::5]:52114", "2001:db8::5", "bracketed IPv6 with its port" },
        { "[2001:db8::5]", "2001:db8::5", "bracketed IPv6 without a port" },
        { "2001:db8::5", "2001:db8::5", "unbracketed IPv6 is kept whole" },
        { " 198.51.100.7:443 ", "198.51.100.7", "white space around" },
        { "not-an-ip", "not-an-ip", "anything else is passed on for the preparer to reject" },
    };

    [Theory]
    [MemberData(nameof(Addresses))]
    public void WithoutPort_CallerIpAddress_ReturnsAddress(string caller, string expected, string reason)
    {
        var sut = CallerAddress.WithoutPort(caller);

        Assert.True(expected == sut, $"{reason}: got '{sut}'");
    }
}
