using System.Text.Json.Nodes;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Logging.Abstractions;
using OpenDownloads.Counting;
using OpenDownloads.Streaming;
using OpenDownloads.Streaming.Replay;

namespace OpenDownloads.Cli.Streaming;

/// <summary>
/// Delivers a schedule's bodies to the stream path as Event Hubs would, with a clock that follows the requests:
/// before each delivery it moves to the latest request time the delivery carries (and at least to the last close
/// its bodies arrived after), and once a day's lateness and grace have passed the closer runs, as the service's timer
/// would. Batches are cut at close times (<see cref="DeliveryOptions.CloseTimes"/>), so a log in time order has no
/// late requests; a request that comes in the log after its day stopped taking requests is late. At the end every
/// day is closed, or with <c>keepOpen</c> the days not yet due stay open and their provisional totals are read back.
/// </summary>
internal static class StreamReplay
{
    public static async Task<ReplayOutcome> RunAsync(
        StreamStorage storage,
        StreamingOptions settings,
        StreamOptions options,
        ReplaySchedule schedule,
        CancellationToken cancellationToken)
    {
        var clock = new ReplayClock(schedule.Start);
        using var pipeline = StreamPipeline.Create(storage, settings, clock, NullLoggerFactory.Instance);
        var random = options.Seed is { } seed ? new Random(seed) : new Random();
        var delivery = new DeliveryOptions
        {
            Partitions = options.Partitions,
            BatchSize = options.BatchSize,
            RedeliverFraction = options.RedeliverFraction,
            Shuffle = options.Shuffle,
            EnqueuedTime = schedule.Start,
            CloseTimes = schedule.CloseTimes,
        };
        var plan = DeliveryPlanner.Plan(schedule.Bodies, delivery, random);
        var started = TimeProvider.System.GetTimestamp();
        var closed = new List<ClosedDay>();
        var late = 0L;
        foreach (var batch in plan)
        {
            clock.MoveForwardTo(batch.NotBefore ?? schedule.Start);
            clock.MoveForwardTo(batch.Events.Max(e => e.EnqueuedTime));
            late += (await pipeline.Handler.HandleAsync(batch.PartitionId, batch.Events, cancellationToken)).Late;
            if (schedule.TakeDueCloses(clock.GetUtcNow()))
            {
                closed.AddRange(await pipeline.Closer.RunAsync(cancellationToken));
            }
        }

        if (!options.KeepOpen && schedule.LastClose is { } lastClose)
        {
            clock.MoveForwardTo(lastClose);
        }

        closed.AddRange(await pipeline.Closer.RunAsync(cancellationToken));
        var openDays = options.KeepOpen ? await ReadOpenDaysAsync(storage, settings, cancellationToken) : [];
        var undated = await pipeline.Closer.ReadUndatedAsync(cancellationToken);
        var report = new CountReport(
            closed.Sum(d => d.Report.Events) + undated.Events,
            closed.Sum(d => d.Report.DeniedIp) + undated.DeniedIp,
            closed.Sum(d => d.Report.Bots) + undated.Bots,
            closed.Sum(d => d.Report.Rejected) + undated.Rejected,
            [.. closed.SelectMany(d => d.Report.Downloads).Order(DownloadOrder.Instance)]);
        return new ReplayOutcome(report, late, openDays, plan.Sum(batch => batch.Events.Count), plan.Count,
            closed.Count, TimeProvider.System.GetElapsedTime(started));
    }

    // The totals blobs are what a user of the service queries for an open day; the replay shows the same.
    private static async Task<List<JsonObject>> ReadOpenDaysAsync(
        StreamStorage storage,
        StreamingOptions settings,
        CancellationToken cancellationToken)
    {
        var days = new List<JsonObject>();
        var listing = new GetBlobsOptions { Prefix = settings.TotalsPrefix };
        await foreach (var blob in storage.Output.GetBlobsAsync(listing, cancellationToken))
        {
            var content = await storage.Output.GetBlobClient(blob.Name).DownloadContentAsync(cancellationToken);
            if (JsonNode.Parse(content.Value.Content.ToString()) is JsonObject totals
                && totals["final"]?.GetValue<bool>() == false)
            {
                days.Add(totals);
            }
        }

        return days;
    }
}
