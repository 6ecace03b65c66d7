using System.Text;
using OpenDownloads.Counting.Preparation;
using OpenDownloads.Streaming.Input;

namespace OpenDownloads.Tests.Streaming;

/// <summary>The batch handler storing the largest requests it accepts, against Azurite.</summary>
[Collection(AzuriteSerial.Name)]
public sealed class StreamBatchHandlerAzuriteTests
{
    [Fact]
    public async Task HandleAsync_RequestWithEveryFieldAtTheLengthLimit_IsStoredAndCountedWhole()
    {
        await using var harness = await StreamHarness.StartAsync();
        var limit = EventPreparer.MaxFieldLength;
        var agent = "Overcast/3.0 " + new string('\u20ac', limit - 13);
        var url = "/" + new string('\u00e9', limit - 1);
        var referer = new string('r', limit);
        StreamEvent[] events = [Event(agent, url, referer, 0), Event("Overcast/3.0", "/ep.mp3", "", 1)];

        var summary = await harness.Pipeline.Handler.HandleAsync("0", events, CancellationToken.None);
        var closed = Assert.Single(await harness.CloseAllAsync());

        Assert.Equal(0, summary.Rejected);
        Assert.Equal(2, closed.Report.Downloads.Count);
        var longest = Assert.Single(closed.Report.Downloads, d => d.UserAgent.Length == limit);
        Assert.Equal((agent, url, referer), (longest.UserAgent, longest.EpisodeId, longest.Referer));
    }

    private static StreamEvent Event(string agent, string url, string referer, long sequence) => new(
        Encoding.UTF8.GetBytes(
            $"{{\"ip\":\"203.0.113.10\",\"user_agent\":\"{agent}\",\"timestamp\":\"2022-09-20T10:00:00Z\","
            + $"\"url\":\"{url}\",\"referer\":\"{referer}\",\"method\":\"GET\"}}"),
        sequence,
        DateTimeOffset.UnixEpoch);
}
