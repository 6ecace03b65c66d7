using Azure.Messaging.EventHubs;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OpenDownloads.Counting.Output;
using OpenDownloads.Functions.Counting;
using OpenDownloads.Streaming;
using OpenDownloads.Streaming.Input;
using OpenDownloads.Tests.Streaming;
using OpenDownloads.Tests.TestData;

namespace OpenDownloads.Functions.Tests.Counting;

/// <summary>The functions as the app wires them, called with Event Hubs batches, against Azurite.</summary>
[Collection(AzuriteSerial.Name)]
public sealed class CountDownloadsAzuriteTests : IAsyncLifetime
{
    private const string Salt = "functions-test-salt-0123456789";

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2022, 9, 20, 12, 0, 0, TimeSpan.Zero));
    private readonly Dictionary<string, string?> _settings = new()
    {
        ["CountDownloads:Salt"] = Salt,
        ["CountDownloads:TableName"] = AzuriteStorage.UniqueName("f"),
        ["CountDownloads:OutputContainer"] = AzuriteStorage.UniqueName("out-"),
        ["CountDownloads:Reference:AgentsContainer"] = AzuriteStorage.UniqueName("ref-"),
        ["CountDownloads:Reference:DatacentersContainer"] = AzuriteStorage.UniqueName("dc-"),
        ["CountDownloads:Storage"] = AzuriteStorage.ConnectionString,
    };

    private ServiceProvider _services = null!;

    public async Task InitializeAsync()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(_settings).Build();
        _services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<TimeProvider>(_time)
            .AddStreamCounting(configuration)
            .BuildServiceProvider();
        var agents = AzuriteStorage.Blobs().GetBlobContainerClient(_settings["CountDownloads:Reference:AgentsContainer"]);
        await agents.CreateIfNotExistsAsync();
        await agents.GetBlobClient("opawg-user-agents.json").UploadAsync(SharedData.Path("opawg-v1", "user-agents.json"));
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await AzuriteStorage.Tables().DeleteTableAsync(_settings["CountDownloads:TableName"]);
        foreach (var key in new[] { "OutputContainer", "Reference:AgentsContainer" })
        {
            await AzuriteStorage.Blobs().GetBlobContainerClient(_settings["CountDownloads:" + key]).DeleteIfExistsAsync();
        }
    }

    [Fact]
    public async Task RunAsync_DemoFileInEventHubsBatches_WritesWhatOdlCountWrites()
    {
        var records = OdlCountReference.Demo.Value;
        var sut = ActivatorUtilities.CreateInstance<CountDownloads>(_services);
        var events = records.Select((record, i) => EventHubsModelFactory.EventData(
            new BinaryData(OdlEventJson.Serialize(record)), sequenceNumber: i / 3, offsetString: $"{i / 3}",
            enqueuedTime: _time.GetUtcNow())).ToList();

        // Three partitions, batches of up to 100 as host.json asks, the first batch of each delivered twice.
        for (var partition = 0; partition < 3; partition++)
        {
            var mine = events.Where((_, i) => i % 3 == partition).ToList();
            var context = FakeFunctionContext.ForPartition($"{partition}");
            await sut.RunAsync([.. mine.Take(100)], context, CancellationToken.None);
            foreach (var batch in mine.Chunk(100))
            {
                await sut.RunAsync(batch, context, CancellationToken.None);
            }
        }

        _time.Advance(TimeSpan.FromDays(3));
        await ActivatorUtilities.CreateInstance<CloseDownloadDays>(_services).RunAsync(new TimerInfo(), CancellationToken.None);

        var output = AzuriteStorage.Blobs().GetBlobContainerClient(_settings["CountDownloads:OutputContainer"]);
        foreach (var (name, content) in OdlOutputWriter.Render(OdlCountReference.Count(records, Salt)))
        {
            var blob = await output.GetBlobClient("2022/09/20/" + name).DownloadContentAsync();
            Assert.Equal(content, blob.Value.Content.ToString());
        }
    }

    [Fact]
    public async Task RunAsync_BindingDataWithoutPartition_FailsSayingWhy()
    {
        var sut = ActivatorUtilities.CreateInstance<CountDownloads>(_services);
        var context = new FakeFunctionContext(new Dictionary<string, object?>());
        EventData[] events = [EventHubsModelFactory.EventData(new BinaryData("{}"), sequenceNumber: 1, offsetString: "1")];

        var error = await Assert.ThrowsAsync<InvalidOperationException>(
            () => sut.RunAsync(events, context, CancellationToken.None));

        Assert.Contains("no PartitionContext with a PartitionId", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_BadSettings_ReportEveryProblemAtOnce()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["CountDownloads:Salt"] = "short",
            ["CountDownloads:Lateness"] = "-01:00:00",
            ["CountDownloads:TableName"] = "no_underscores",
            ["CountDownloads:FieldMappings"] = "startedAt",
        }).Build();
        using var services = new ServiceCollection().AddLogging().AddStreamCounting(configuration).BuildServiceProvider();

        var error = Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(
            () => services.GetRequiredService<Microsoft.Extensions.Options.IOptions<StreamingOptions>>().Value);

        Assert.Equal(4, error.Failures.Count());
        Assert.Contains(error.Failures, f => f.StartsWith("CountDownloads:Salt has 5 characters", StringComparison.Ordinal));
        Assert.DoesNotContain("short", string.Join(' ', error.Failures), StringComparison.Ordinal);
    }
}
