using System.Text;
using System.Text.Json;
using Azure.Data.Tables;
using OpenDownloads.Counting.Preparation;
using OpenDownloads.Streaming;
using OpenDownloads.Streaming.Input;

namespace OpenDownloads.Tests.Streaming;

/// <summary>A day's life against Azurite: open, late requests, provisional totals, close, salt rotation.</summary>
[Collection(AzuriteSerial.Name)]
public sealed class DayLifecycleAzuriteTests
{
    private static readonly DateTimeOffset Noon = new(2022, 9, 20, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset CloseAt = new(2022, 9, 21, 2, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Handle_RequestAfterItsDayStoppedTakingRequests_IsDeadLetteredAsLateAndNotCounted()
    {
        await using var harness = await StreamHarness.StartAsync(Noon);
        await Handle(harness, 0, Request("203.0.113.1", "2022-09-20T10:00:00Z"));
        harness.Time.SetUtcNow(CloseAt.AddSeconds(-1));
        await Handle(harness, 1, Request("203.0.113.2", "2022-09-20T23:59:59Z"));

        harness.Time.SetUtcNow(CloseAt);
        var late = await Handle(harness, 2, Request("203.0.113.3", "2022-09-20T23:00:00Z"));
        var closed = Assert.Single(await harness.CloseAllAsync());

        Assert.Equal(1, late.Late);
        Assert.Equal(2, closed.Report.Total);
        Assert.Equal(1, closed.Tally.Late);
        var letter = await harness.ReadTextAsync(Assert.Single(await harness.ListAsync("deadletter/")));
        Assert.Contains("closed at 2022-09-21T02:00Z; it arrived too late", letter, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_AfterCloseAtWithinGrace_WritesProvisionalTotalsThenClosesAfterGrace()
    {
        await using var harness = await StreamHarness.StartAsync(Noon);
        await Handle(harness, 0, Request("203.0.113.1", "2022-09-20T10:00:00Z"));

        harness.Time.SetUtcNow(CloseAt + harness.Options.CloseGrace - TimeSpan.FromSeconds(1));
        var early = await harness.Pipeline.Closer.RunAsync(CancellationToken.None);
        using var provisional = JsonDocument.Parse(await harness.ReadTextAsync("totals/2022/09/20.json"));
        var filesBefore = await harness.ListAsync("2022/");
        harness.Time.SetUtcNow(CloseAt + harness.Options.CloseGrace);
        var closed = await harness.Pipeline.Closer.RunAsync(CancellationToken.None);

        Assert.Empty(early);
        Assert.Empty(filesBefore);
        Assert.False(provisional.RootElement.GetProperty("final").GetBoolean());
        Assert.Equal(1, provisional.RootElement.GetProperty("total").GetInt64());
        Assert.Equal("2022-09-21T02:00:00+00:00", provisional.RootElement.GetProperty("closes_at").GetString());
        Assert.Single(closed);
        Assert.Contains("2022/09/20/count.txt", await harness.ListAsync("2022/"));
    }

    [Fact]
    public async Task Handle_SaltRotatedMidDay_KeepsTheDaysSaltAndHashesTheNextDayWithTheNewOne()
    {
        await using var harness = await StreamHarness.StartAsync(Noon);
        const string rotated = "the-rotated-salt-after-key-vault";
        var afterRotation = harness.AddPipeline(Copy(harness.Options, rotated));

        await Handle(harness, 0, Request("203.0.113.1", "2022-09-20T10:00:00Z", "bytes=0-1"));
        harness.Time.SetUtcNow(CloseAt.AddHours(-1));
        await afterRotation.Handler.HandleAsync("0", [Event(1, Request("203.0.113.1", "2022-09-20T23:00:00Z"))], default);
        await afterRotation.Handler.HandleAsync("0", [Event(2, Request("203.0.113.1", "2022-09-21T00:30:00Z"))], default);
        var closed = await harness.CloseAllAsync();

        var first = Assert.Single(closed.Single(d => d.Folder == "2022/09/20/").Report.Downloads);
        var second = Assert.Single(closed.Single(d => d.Folder == "2022/09/21/").Report.Downloads);
        Assert.Equal(new IpHasher(StreamHarness.Salt).Hash("203.0.113.1"), first.EncodedIp);
        Assert.Equal(new DateTimeOffset(2022, 9, 20, 10, 0, 0, TimeSpan.Zero).UtcTicks, first.UtcTicks);
        Assert.Equal(new IpHasher(rotated).Hash("203.0.113.1"), second.EncodedIp);
    }

    [Fact]
    public async Task Close_Day_ForgetsItsSaltAndDeletesItsGroups()
    {
        await using var harness = await StreamHarness.StartAsync(Noon);
        await Handle(harness, 0, Request("203.0.113.1", "2022-09-20T10:00:00Z"));

        await harness.CloseAllAsync();

        var rows = await harness.Table.QueryAsync<TableEntity>().ToListAsync();
        var day = Assert.Single(rows, r => r.PartitionKey == "days");
        Assert.Null(day.GetString("Salt"));
        Assert.True(day.GetBoolean("Closed"));
        Assert.DoesNotContain(rows, r => r.PartitionKey.StartsWith('g'));
        Assert.DoesNotContain(StreamHarness.Salt, string.Join('\n', harness.Logs.Lines.Select(l => l.Message)),
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task Handle_BatchRedeliveredAfterItsDayClosed_IsNeitherLateNorCountedAgain()
    {
        await using var harness = await StreamHarness.StartAsync(Noon);
        var batch = new[] { Event(5, Request("203.0.113.1", "2022-09-20T10:00:00Z")) };
        await harness.Pipeline.Handler.HandleAsync("0", batch, CancellationToken.None);
        var closed = Assert.Single(await harness.CloseAllAsync());

        var again = await harness.Pipeline.Handler.HandleAsync("0", batch, CancellationToken.None);

        Assert.Equal(0, again.Late);
        Assert.Equal(1, closed.Tally.Events);
        Assert.Empty(await harness.ListAsync("deadletter/"));
    }

    private static async Task<BatchSummary> Handle(StreamHarness harness, long sequence, string body) =>
        await harness.Pipeline.Handler.HandleAsync("0", [Event(sequence, body)], CancellationToken.None);

    private static StreamEvent Event(long sequence, string body) =>
        new(Encoding.UTF8.GetBytes(body), sequence, DateTimeOffset.UnixEpoch);

    private static string Request(string ip, string time, string range = "-") =>
        $"{{\"ip\":\"{ip}\",\"user_agent\":\"Overcast/3.0\",\"timestamp\":\"{time}\",\"url\":\"/ep.mp3\","
        + $"\"method\":\"GET\",\"range\":\"{range}\"}}";

    private static StreamingOptions Copy(StreamingOptions options, string salt) => new()
    {
        Salt = salt,
        TableName = options.TableName,
        OutputContainer = options.OutputContainer,
        Reference = options.Reference,
    };
}
