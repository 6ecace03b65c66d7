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
    public async Task Handle_InstanceWithStaleCache_ReadsTheGroupAgainAndMergesEarliestRequest()
    {
        await using var harness = await StreamHarness.StartAsync();
        var second = harness.AddPipeline(harness.Options);
        var later = Body("2022-09-20T10:00:00Z", "bytes=0-1");
        var earlier = Body("2022-09-20T09:00:00Z", "bytes=0-1");
        var qualifying = Body("2022-09-20T11:00:00Z", null);

        // Both instances know the group from the first request; the second then moves its start earlier, so the
        // first's cached ETag is stale when it adds the request that makes the group a download.
        await harness.Pipeline.Handler.HandleAsync("0", [Event(later, 0)], CancellationToken.None);
        await second.Handler.HandleAsync("1", [Event(later, 0)], CancellationToken.None);
        await second.Handler.HandleAsync("1", [Event(earlier, 1)], CancellationToken.None);
        var summary = await harness.Pipeline.Handler.HandleAsync("0", [Event(qualifying, 1)], CancellationToken.None);
        var closed = Assert.Single(await harness.CloseAllAsync());

        Assert.Equal(1, summary.DownloadsAdded);
        var download = Assert.Single(closed.Report.Downloads);
        Assert.Equal(new DateTimeOffset(2022, 9, 20, 9, 0, 0, TimeSpan.Zero).UtcTicks, download.UtcTicks);
        Assert.Equal(4, closed.Report.Events);
        Assert.NotEmpty(harness.Logs.Messages(4008));
    }

    private static byte[] Body(string time, string? range) => System.Text.Encoding.UTF8.GetBytes(
        $"{{\"ip\":\"203.0.113.10\",\"user_agent\":\"Overcast/3.0\",\"timestamp\":\"{time}\",\"url\":\"/ep.mp3\","
        + $"\"method\":\"GET\"{(range is null ? "" : $",\"range\":\"{range}\"")}}}");

    private static StreamEvent Event(byte[] body, long sequence) => new(body, sequence, DateTimeOffset.UnixEpoch);
}
