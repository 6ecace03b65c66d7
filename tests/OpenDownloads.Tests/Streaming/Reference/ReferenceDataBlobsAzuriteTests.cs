using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using OpenDownloads.ReferenceData;
using OpenDownloads.Streaming;
using OpenDownloads.Streaming.Input;
using OpenDownloads.Streaming.Reference;

namespace OpenDownloads.Tests.Streaming.Reference;

/// <summary>Reference data read from the rebuild job's blobs, against Azurite.</summary>
[Collection(AzuriteSerial.Name)]
public sealed class ReferenceDataBlobsAzuriteTests
{
    private const int Loaded = 4006;
    private const int DatacentersLoaded = 4011;

    [Fact]
    public async Task Handle_ManyBatchesWithUnchangedBlobs_ReadsEachBlobOnceAndDatacentersOnlyForRawIps()
    {
        await using var harness = await StreamHarness.StartAsync();

        await Handle(harness, 0, Request("encoded_ip", "abc"));
        var afterHashedIps = harness.Logs.Messages(Loaded).ToList();
        for (var sequence = 1; sequence < 4; sequence++)
        {
            await Handle(harness, sequence, Request("ip", "203.0.113.1"));
            harness.Time.Advance(TimeSpan.FromMinutes(3));
        }

        var loads = harness.Logs.Messages(Loaded).ToList();
        Assert.Single(afterHashedIps);
        Assert.Single(loads);
        Assert.Contains("opawg-user-agents.json", loads[0], StringComparison.Ordinal);
        Assert.Single(harness.Logs.Messages(DatacentersLoaded));
    }

    [Fact]
    public async Task Handle_AgentsBlobReplaced_UsesTheNewListOnceTheRefreshIntervalHasPassed()
    {
        await using var harness = await StreamHarness.StartAsync();
        var first = await Handle(harness, 0, Request("encoded_ip", "abc"));
        var agents = harness.Storage.Blobs.GetBlobContainerClient(harness.Options.Reference.AgentsContainer);
        await agents.GetBlobClient(harness.Options.Reference.AgentsBlob).UploadAsync(
            BinaryData.FromString("[{\"user_agents\": [\"^Overcast\"], \"bot\": true}]"), overwrite: true);

        harness.Time.Advance(harness.Options.Reference.RefreshInterval - TimeSpan.FromSeconds(1));
        var beforeInterval = await Handle(harness, 1, Request("encoded_ip", "abc"));
        harness.Time.Advance(TimeSpan.FromSeconds(1));
        var afterInterval = await Handle(harness, 2, Request("encoded_ip", "abc"));

        Assert.Equal(0, first.Bots);
        Assert.Equal(0, beforeInterval.Bots);
        Assert.Equal(1, afterInterval.Bots);
    }

    [Fact]
    public async Task GetAsync_NoAgentsBlob_FailsNamingTheBlobs()
    {
        await using var harness = await StreamHarness.StartAsync();
        await harness.Storage.Blobs.GetBlobContainerClient(harness.Options.Reference.AgentsContainer)
            .GetBlobClient(harness.Options.Reference.AgentsBlob).DeleteAsync();
        using var sut = new ReferenceDataBlobs(
            harness.Storage.Blobs, harness.Options.Reference, harness.Time, NullLogger.Instance);

        var error = await Assert.ThrowsAsync<ReferenceDataException>(() => sut.GetAsync(false, CancellationToken.None));

        Assert.Contains("None of the reference blobs opawg-user-agents.json exists", error.Message, StringComparison.Ordinal);
    }

    private static async Task<BatchSummary> Handle(StreamHarness harness, long sequence, string body) =>
        await harness.Pipeline.Handler.HandleAsync(
            "0", [new StreamEvent(Encoding.UTF8.GetBytes(body), sequence, DateTimeOffset.UnixEpoch)], CancellationToken.None);

    private static string Request(string ipField, string ip) =>
        $"{{\"{ipField}\":\"{ip}\",\"user_agent\":\"Overcast/3.0\",\"timestamp\":\"2022-09-20T10:00:00Z\","
        + "\"url\":\"/ep.mp3\",\"method\":\"GET\"}";
}
