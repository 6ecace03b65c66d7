using System.Diagnostics;
using Azure.Core;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Logging.Abstractions;
using OpenDownloads.Datacenters;
using OpenDownloads.Datacenters.Publishing;
using OpenDownloads.Streaming;
using OpenDownloads.Streaming.Replay;

namespace OpenDownloads.Benchmarks.EndToEnd;

/// <summary>
/// Times the stream path's batch handler as <c>odl stream</c> drives it (the same public pipeline, planner and
/// reference blobs), with every JSON line one event, all in one partition, against real storage (Azurite). A
/// pipeline policy measures how much of the time a storage request was in flight.
/// </summary>
internal static class StreamMeasurement
{
    public static async Task<StreamRun> RunAsync(
        string connectionString,
        string jsonLines,
        int events,
        int batchSize,
        DatacenterRangeSet datacenters)
    {
        var bodies = File.ReadLines(jsonLines).Take(events)
            .Select(line => (ReadOnlyMemory<byte>)System.Text.Encoding.UTF8.GetBytes(line)).ToList();
        var run = "odlbench" + Guid.NewGuid().ToString("N")[..12];
        var settings = new StreamingOptions
        {
            Salt = CountMeasurement.Salt,
            TableName = run,
            OutputContainer = run,
            GroupCacheCapacity = 1_000_000,
            Reference = new ReferenceBlobOptions
            {
                AgentsContainer = run,
                AgentsBlob = "reference/agents.json",
                DatacentersContainer = run + "-dc",
            },
        };
        var timer = new StorageRoundTripTimer();
        var storage = Storage(connectionString, settings, timer);
        try
        {
            await storage.EnsureCreatedAsync(default);
            await PublishReferenceAsync(storage, settings, datacenters);
            var delivery = new DeliveryOptions { Partitions = 1, BatchSize = batchSize };
            var plan = DeliveryPlanner.Plan(bodies, delivery, new Random(7));
            var clock = new HeldClock(new Generation.EventMixSettings().Start);
            using var pipeline = StreamPipeline.Create(storage, settings, clock, NullLoggerFactory.Instance);

            // The first batch reads the reference blobs and warms the connections; it is not timed.
            await pipeline.Handler.HandleAsync(plan[0].PartitionId, plan[0].Events, default);
            timer.Reset();
            var started = Stopwatch.StartNew();
            foreach (var batch in plan.Skip(1))
            {
                await pipeline.Handler.HandleAsync(batch.PartitionId, batch.Events, default);
            }

            var elapsed = started.Elapsed;
            var timed = plan.Skip(1).Sum(batch => batch.Events.Count);
            return new StreamRun(timed, plan.Count - 1, timer.Requests, elapsed, timer.Busy);
        }
        finally
        {
            await storage.Table.DeleteAsync();
            await storage.Output.DeleteIfExistsAsync();
            await storage.Blobs.GetBlobContainerClient(run + "-dc").DeleteIfExistsAsync();
        }
    }

    private static StreamStorage Storage(
        string connectionString,
        StreamingOptions settings,
        StorageRoundTripTimer timer)
    {
        var tableOptions = new TableClientOptions();
        StreamStorage.Configure(tableOptions.Retry);
        tableOptions.AddPolicy(timer, HttpPipelinePosition.PerRetry);
        var blobOptions = new BlobClientOptions();
        StreamStorage.Configure(blobOptions.Retry);
        blobOptions.AddPolicy(timer, HttpPipelinePosition.PerRetry);
        return new StreamStorage(
            new TableServiceClient(connectionString, tableOptions),
            new BlobServiceClient(connectionString, blobOptions),
            settings);
    }

    // As odl stream publishes them: the OPAWG list as a blob, the datacenter list as the rebuild job publishes it.
    private static async Task PublishReferenceAsync(
        StreamStorage storage,
        StreamingOptions settings,
        DatacenterRangeSet datacenters)
    {
        var agents = storage.Output.GetBlobClient(settings.Reference.AgentsBlob);
        await agents.UploadAsync(BenchData.AgentsV1, overwrite: true);
        var build = ReplayDatacenterList.Render(datacenters, BenchData.DatacenterDirectory, DateTimeOffset.UtcNow);
        var container = storage.Blobs.GetBlobContainerClient(settings.Reference.DatacentersContainer);
        await new DatacenterListPublisher(container, 1, NullLogger.Instance).PublishAsync(build, null, default);
    }
}
