using OpenDownloads.Counting.Readers.AzureMonitor;

namespace OpenDownloads.Tests.Counting.Readers.AzureMonitor;

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
        { "203.0.113.11:abc", "203.0.113.11:abc", "a port that is not a number is kept for the preparer to reject" },
        { "203.0.113.11:70000", "203.0.113.11:70000", "a port above 65535 is kept for the preparer to reject" },
        { "203.0.113.11:", "203.0.113.11:", "an empty port is kept for the preparer to reject" },
        { "[2001:db8::5]:x", "[2001:db8::5]:x", "a bracketed IPv6 with a bad port is kept whole" },
    };

    [Theory]
    [MemberData(nameof(Addresses))]
    public void WithoutPort_CallerIpAddress_ReturnsAddress(string caller, string expected, string reason)
    {
        var sut = CallerAddress.WithoutPort(caller);

        Assert.True(expected == sut, $"{reason}: got '{sut}'");
    }
}
