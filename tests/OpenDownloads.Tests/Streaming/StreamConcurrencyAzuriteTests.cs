using Azure.Data.Tables;
using OpenDownloads.Counting.Output;
using OpenDownloads.Streaming.Input;
using OpenDownloads.Streaming.Replay;

namespace OpenDownloads.Tests.Streaming;

/// <summary>Two instances of the stream path writing the same day's state at once, against Azurite.</summary>
[Collection(AzuriteSerial.Name)]
public sealed class StreamConcurrencyAzuriteTests
{
    [Fact]
    public async Task Handle_TwoInstancesOnOverlappingBatches_CountEachRequestOnce()
    {
        var records = OdlCountReference.Demo.Value;
        await using var harness = await StreamHarness.StartAsync();
        var second = harness.AddPipeline(harness.Options);
        var plan = DeliveryPlanner.Plan(
            StreamHarness.Bodies(records), new DeliveryOptions { Partitions = 2, BatchSize = 20 }, new Random(7));
        var byPartition = plan.GroupBy(d => d.PartitionId).ToDictionary(g => g.Key, g => g.ToList());
        var checkpoints = byPartition.ToDictionary(p => p.Key, p => p.Value.Count / 3);
        var reached = byPartition.ToDictionary(p => p.Key, _ => new TaskCompletionSource());

        // The first instance counts every batch. The second takes each partition over from a checkpoint the first
        // has passed, as Event Hubs does when a lease moves, and counts the same batches after it at the same time.
        async Task First()
        {
            foreach (var delivery in plan)
            {
                await harness.Pipeline.Handler.HandleAsync(delivery.PartitionId, delivery.Events, CancellationToken.None);
                var index = byPartition[delivery.PartitionId].IndexOf(delivery);
                if (index == checkpoints[delivery.PartitionId] - 1)
                {
                    reached[delivery.PartitionId].SetResult();
                }
            }
        }

        async Task Second(string partition)
        {
            await reached[partition].Task;
            await harness.DeliverAsync(byPartition[partition].Skip(checkpoints[partition]), second);
        }

        await Task.WhenAll([Task.Run(First), .. byPartition.Keys.Select(p => Task.Run(() => Second(p)))]);
        var closed = Assert.Single(await harness.CloseAllAsync());

        var expected = OdlCountReference.Count(records, StreamHarness.Salt);
        Assert.Equal(CountReportJson.Render(expected), CountReportJson.Render(closed.Report));
        Assert.Equal(expected.Downloads, closed.Report.Downloads);
    }

    [Fact]
    public async Task Handle_InstanceThatMissedAnEarlierRequest_DayKeepsTheEarliestRequestAndTheDownload()
    {
        await using var harness = await StreamHarness.StartAsync();
        var second = harness.AddPipeline(harness.Options);
        var later = Body("2022-09-20T10:00:00Z", "bytes=0-1");
        var earlier = Body("2022-09-20T09:00:00Z", "bytes=0-1");
        var qualifying = Body("2022-09-20T11:00:00Z", null);

        // Both instances know the group from the first request; the second then moves its start earlier, which the
        // first does not know when it adds the request that makes the group a download.
        await harness.Pipeline.Handler.HandleAsync("0", [Event(later, 0)], CancellationToken.None);
        await second.Handler.HandleAsync("1", [Event(later, 0)], CancellationToken.None);
        await second.Handler.HandleAsync("1", [Event(earlier, 1)], CancellationToken.None);
        var summary = await harness.Pipeline.Handler.HandleAsync("0", [Event(qualifying, 1)], CancellationToken.None);
        var rows = await GroupRowsAsync(harness);
        var closed = Assert.Single(await harness.CloseAllAsync());

        Assert.Equal(1, summary.DownloadsAdded);
        var download = Assert.Single(closed.Report.Downloads);
        Assert.Equal(new DateTimeOffset(2022, 9, 20, 9, 0, 0, TimeSpan.Zero).UtcTicks, download.UtcTicks);
        Assert.Equal(4, closed.Report.Events);
        Assert.Equal(3, rows.Count);
    }

    [Fact]
    public async Task Handle_TwoInstancesRacingOnTheSamePackedRow_WriteItOnceAndCountEachGroupOnce()
    {
        var records = OdlCountReference.Demo.Value;
        await using var harness = await StreamHarness.StartAsync();
        var second = harness.AddPipeline(harness.Options);
        var events = StreamHarness.Bodies(records).Select((body, i) => new StreamEvent(body, i, DateTimeOffset.UnixEpoch))
            .ToList();

        // Both instances count the whole file as one batch at once, as two hosts do while a lease moves between
        // them: they pack the same groups into the same rows, and each row goes in once, whoever is first.
        using var start = new Barrier(2);
        var handlers = new[] { harness.Pipeline, second }.Select(pipeline => Task.Run(async () =>
        {
            start.SignalAndWait();
            return await pipeline.Handler.HandleAsync("0", events, CancellationToken.None);
        }));
        var summaries = await Task.WhenAll(handlers);
        var rows = await GroupRowsAsync(harness);
        var closed = Assert.Single(await harness.CloseAllAsync());

        var expected = OdlCountReference.Count(records, StreamHarness.Salt);
        Assert.Equal(CountReportJson.Render(expected), CountReportJson.Render(closed.Report));
        Assert.Equal(expected.Downloads, closed.Report.Downloads);
        Assert.All(summaries, summary => Assert.Equal(expected.Downloads.Count, summary.DownloadsAdded));
        Assert.Single(rows);
    }

    [Fact]
    public async Task Handle_SecondInstanceWritingARowAlreadyThere_TakesTheConflictAsDone()
    {
        var records = OdlCountReference.Demo.Value;
        await using var harness = await StreamHarness.StartAsync();
        var second = harness.AddPipeline(harness.Options);
        var events = StreamHarness.Bodies(records).Select((body, i) => new StreamEvent(body, i, DateTimeOffset.UnixEpoch))
            .ToList();

        await harness.Pipeline.Handler.HandleAsync("0", events, CancellationToken.None);
        var before = await GroupRowsAsync(harness);
        await second.Handler.HandleAsync("0", events, CancellationToken.None);
        var after = await GroupRowsAsync(harness);
        var closed = Assert.Single(await harness.CloseAllAsync());

        Assert.Equal(
            before.Select(r => (r.PartitionKey, r.RowKey, r.ETag)),
            after.Select(r => (r.PartitionKey, r.RowKey, r.ETag)));
        var expected = OdlCountReference.Count(records, StreamHarness.Salt);
        Assert.Equal(expected.Downloads, closed.Report.Downloads);
    }

    private static async Task<List<TableEntity>> GroupRowsAsync(StreamHarness harness) =>
        await harness.Table.QueryAsync<TableEntity>(row => row.PartitionKey.CompareTo("g") >= 0
            && row.PartitionKey.CompareTo("h") < 0).ToListAsync();

    private static byte[] Body(string time, string? range) => System.Text.Encoding.UTF8.GetBytes(
        $"{{\"ip\":\"203.0.113.10\",\"user_agent\":\"Overcast/3.0\",\"timestamp\":\"{time}\",\"url\":\"/ep.mp3\","
        + $"\"method\":\"GET\"{(range is null ? "" : $",\"range\":\"{range}\"")}}}");

    private static StreamEvent Event(byte[] body, long sequence) => new(body, sequence, DateTimeOffset.UnixEpoch);
}
