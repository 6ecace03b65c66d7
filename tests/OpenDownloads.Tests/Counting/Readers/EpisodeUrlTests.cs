using OpenDownloads.Counting.Readers;

namespace OpenDownloads.Tests.Counting.Readers;

public sealed class EpisodeUrlTests
{
    public static TheoryData<string?, string?, string> Urls { get; } = new()
    {
        { "https://cdn.example.com:443/show/ep1.mp3?utm=x", "https://cdn.example.com/show/ep1.mp3", "default port and query dropped" },
        { "https://acct.blob.core.windows.net/audio/ep1.mp3?sv=2022&sig=abc", "https://acct.blob.core.windows.net/audio/ep1.mp3", "a SAS signature is never kept" },
        { "http://cdn.example.com:8080/ep1.mp3", "http://cdn.example.com:8080/ep1.mp3", "a port that is not the default stays" },
        { "/show/ep%201.mp3?x=1#t", "/show/ep%201.mp3", "a path loses its query and fragment and keeps its escapes" },
        { "/show/ep1.mp3", "/show/ep1.mp3", "a plain path is kept" },
        { null, null, "no URL" },
        { "", "", "an empty URL stays empty for the preparer to reject" },
    };

    [Theory]
    [MemberData(nameof(Urls))]
    public void Normalize_Url_ReturnsEpisodeId(string? url, string? expected, string reason)
    {
        var sut = EpisodeUrl.Normalize(url);

        Assert.True(expected == sut, $"{reason}: got '{sut}'");
    }
}
