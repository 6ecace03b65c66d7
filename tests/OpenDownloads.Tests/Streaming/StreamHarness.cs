using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using OpenDownloads.Datacenters;
using OpenDownloads.Datacenters.Publishing;
using OpenDownloads.Counting.Readers;
using OpenDownloads.Streaming;
using OpenDownloads.Streaming.Input;
using OpenDownloads.Streaming.Replay;
using OpenDownloads.Tests.TestData;

namespace OpenDownloads.Tests.Streaming;

/// <summary>
/// One stream path over its own table and containers in Azurite, with the shared OPAWG and ipcat lists published
/// where the options say, and a fake clock that starts on 2022-09-20, the demo file's day.
/// </summary>
internal sealed class StreamHarness : IAsyncDisposable
{
    public const string Salt = "stream-test-salt-0123456789";

    private readonly List<StreamPipeline> _pipelines = [];

    private StreamHarness(StreamingOptions options, FakeTimeProvider time)
    {
        Options = options;
        Time = time;
        Storage = new StreamStorage(AzuriteStorage.Tables(), AzuriteStorage.Blobs(), options);
        Pipeline = AddPipeline(options);
    }

    public StreamingOptions Options { get; }

    public FakeTimeProvider Time { get; }

    public StreamStorage Storage { get; }

    public StreamPipeline Pipeline { get; }

    public ListLoggerFactory Logs { get; } = new();

    public TableClient Table => Storage.Table;

    public BlobContainerClient Output => Storage.Output;

    public static async Task<StreamHarness> StartAsync(DateTimeOffset? now = null, Action<StreamingOptions>? configure = null)
    {
        var options = new StreamingOptions
        {
            Salt = Salt,
            TableName = AzuriteStorage.UniqueName("t"),
            OutputContainer = AzuriteStorage.UniqueName("out-"),
            Reference = new ReferenceBlobOptions
            {
                AgentsContainer = AzuriteStorage.UniqueName("ref-"),
                DatacentersContainer = AzuriteStorage.UniqueName("dc-"),
            },
        };
        configure?.Invoke(options);
        var harness = new StreamHarness(options, new FakeTimeProvider(now ?? new DateTimeOffset(2022, 9, 20, 12, 0, 0, TimeSpan.Zero)));
        await harness.Storage.EnsureCreatedAsync(CancellationToken.None);
        await harness.PublishAsync(options.Reference.AgentsContainer, options.Reference.AgentsBlob,
            SharedData.Path("opawg-v1", "user-agents.json"));
        await harness.PublishDatacentersAsync(SharedData.Path("ipcat", "datacenters.csv"));
        return harness;
    }

    /// <summary>Adds another instance of the stream path over the same storage, as a second host would be.</summary>
    public StreamPipeline AddPipeline(StreamingOptions options)
    {
        var pipeline = StreamPipeline.Create(Storage, options, Time, Logs);
        _pipelines.Add(pipeline);
        return pipeline;
    }

    public static IReadOnlyList<ReadOnlyMemory<byte>> Bodies(IEnumerable<RawRecord> records) =>
        [.. records.Select(record => (ReadOnlyMemory<byte>)OdlEventJson.Serialize(record))];

    public async Task DeliverAsync(IEnumerable<Delivery> deliveries, StreamPipeline? pipeline = null)
    {
        foreach (var delivery in deliveries)
        {
            await (pipeline ?? Pipeline).Handler.HandleAsync(delivery.PartitionId, delivery.Events, CancellationToken.None);
        }
    }

    /// <summary>Moves the clock past every day's close and runs the closer.</summary>
    public async Task<IReadOnlyList<ClosedDay>> CloseAllAsync()
    {
        Time.Advance(TimeSpan.FromDays(30));
        return await Pipeline.Closer.RunAsync(CancellationToken.None);
    }

    public async Task<string> ReadTextAsync(string blobName) =>
        (await Output.GetBlobClient(blobName).DownloadContentAsync()).Value.Content.ToString();

    public async Task<List<string>> ListAsync(string prefix)
    {
        var names = new List<string>();
        await foreach (var blob in Output.GetBlobsAsync(new Azure.Storage.Blobs.Models.GetBlobsOptions { Prefix = prefix }))
        {
            names.Add(blob.Name);
        }

        return names;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var pipeline in _pipelines)
        {
            pipeline.Dispose();
        }

        await Table.DeleteAsync();
        await Output.DeleteIfExistsAsync();
        await Storage.Blobs.GetBlobContainerClient(Options.Reference.AgentsContainer).DeleteIfExistsAsync();
        await Storage.Blobs.GetBlobContainerClient(Options.Reference.DatacentersContainer).DeleteIfExistsAsync();
        Logs.Dispose();
    }

    /// <summary>Publishes a list in ipcat's format as the rebuild job does: a version behind latest.json.</summary>
    public async Task<PublishOutcome> PublishDatacentersAsync(string path)
    {
        var publisher = new DatacenterListPublisher(
            Storage.Blobs.GetBlobContainerClient(Options.Reference.DatacentersContainer), 30, NullLogger.Instance);
        DatacenterRangeSet ranges;
        await using (var csv = File.OpenRead(path))
        {
            ranges = DatacenterRangeSet.Load([(csv, path)]);
        }

        var latest = await publisher.ReadLatestAsync(CancellationToken.None);
        var build = ReplayDatacenterList.Render(ranges, path, Time.GetUtcNow());
        return await publisher.PublishAsync(build, latest, CancellationToken.None);
    }

    public async Task PublishAsync(string container, string blob, string path)
    {
        var client = Storage.Blobs.GetBlobContainerClient(container);
        await client.CreateIfNotExistsAsync();
        await client.GetBlobClient(blob).UploadAsync(path, overwrite: true);
    }
}
