using OpenDownloads.Counting.Readers.Combined;

namespace OpenDownloads.Tests.Counting.Readers.Combined;

public sealed class CombinedLogRequestTests
{
    public static TheoryData<string, string, string, string> Requests { get; } = new()
    {
        { "GET /show/ep1.mp3 HTTP/1.1", "GET", "/show/ep1.mp3", "the usual request line" },
        { "GET /ep 1.mp3 HTTP/1.1", "GET", "/ep 1.mp3", "an unescaped space stays in the path" },
        { "GET /a HTTP/1.1 b.mp3 HTTP/2.0", "GET", "/a HTTP/1.1 b.mp3", "only the last protocol is the protocol" },
        { "HEAD  /ep1.mp3  HTTP/2", "HEAD", "/ep1.mp3", "extra spaces and a version without a dot" },
        { "GET /ep1.mp3", "GET", "/ep1.mp3", "HTTP/0.9 has no protocol" },
        { "GET /my HTTP/ talk.mp3", "GET", "/my HTTP/ talk.mp3", "HTTP/ without a version is part of the path" },
    };

    [Theory]
    [MemberData(nameof(Requests))]
    public void TryParse_RequestLine_SplitsMethodAndPath(string request, string method, string path, string reason)
    {
        var parsed = CombinedLogRequest.TryParse(request, out var sutMethod, out var sutPath);

        Assert.True(parsed && sutMethod == method && sutPath == path, $"{reason}: '{sutMethod}' '{sutPath}'");
    }

    [Theory]
    [InlineData("-")] // nginx's empty request
    [InlineData("\u0016\u0003")] // TLS bytes on a plain port
    [InlineData("")]
    public void TryParse_NoMethodAndPath_ReturnsFalse(string request)
    {
        Assert.False(CombinedLogRequest.TryParse(request, out _, out _));
    }
}
