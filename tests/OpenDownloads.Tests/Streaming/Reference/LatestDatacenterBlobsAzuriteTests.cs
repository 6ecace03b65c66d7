using System.Net;
using OpenDownloads.Datacenters.Publishing;
using OpenDownloads.ReferenceData;
using OpenDownloads.Streaming;
using OpenDownloads.Streaming.Reference;
using OpenDownloads.Tests.TestData;

namespace OpenDownloads.Tests.Streaming.Reference;

/// <summary>The stream path following the datacenter rebuild job's <c>latest.json</c>, against Azurite.</summary>
[Collection(AzuriteSerial.Name)]
public sealed class LatestDatacenterBlobsAzuriteTests : IDisposable
{
    private const int Kept = 4012;

    private static readonly IPAddress InListA = IPAddress.Parse("203.0.113.7");
    private static readonly IPAddress InListB = IPAddress.Parse("198.51.100.7");

    private readonly string _listA = WriteList("203.0.113.0,203.0.113.255,Host A,http://a.example/\n");
    private readonly string _listB = WriteList("198.51.100.0,198.51.100.255,Host B,http://b.example/\n");

    [Fact]
    public async Task GetAsync_ListPublishedByThePublisher_DeniesItsAddressesOnly()
    {
        await using var harness = await StreamHarness.StartAsync();
        await harness.PublishDatacentersAsync(_listA);
        using var sut = Reader(harness);

        var snapshot = await sut.GetAsync(true, CancellationToken.None);

        Assert.True(snapshot.DenyList.Contains(InListA));
        Assert.False(snapshot.DenyList.Contains(InListB));
    }

    [Fact]
    public async Task GetAsync_NewPublish_IsUsedOnceTheRefreshIntervalHasPassedAndNotBefore()
    {
        await using var harness = await StreamHarness.StartAsync();
        await harness.PublishDatacentersAsync(_listA);
        using var sut = Reader(harness);
        await sut.GetAsync(true, CancellationToken.None);
        await harness.PublishDatacentersAsync(_listB);

        harness.Time.Advance(harness.Options.Reference.RefreshInterval - TimeSpan.FromSeconds(1));
        var before = await sut.GetAsync(true, CancellationToken.None);
        harness.Time.Advance(TimeSpan.FromSeconds(1));
        var after = await sut.GetAsync(true, CancellationToken.None);

        Assert.Equal((true, false), (before.DenyList.Contains(InListA), before.DenyList.Contains(InListB)));
        Assert.Equal((false, true), (after.DenyList.Contains(InListA), after.DenyList.Contains(InListB)));
    }

    [Fact]
    public async Task GetAsync_PointerToAMissingVersion_KeepsTheLastGoodListAndWarns()
    {
        await using var harness = await StreamHarness.StartAsync();
        await harness.PublishDatacentersAsync(_listA);
        using var sut = Reader(harness);
        await sut.GetAsync(true, CancellationToken.None);
        await Container(harness).GetBlobClient(DatacenterListPublisher.LatestBlobName).UploadAsync(
            BinaryData.FromString("{\"version\":\"2099/01/01/000000-deadbeef\",\"builtAt\":\"2099-01-01T00:00:00Z\"}"),
            overwrite: true);

        harness.Time.Advance(harness.Options.Reference.RefreshInterval);
        var snapshot = await sut.GetAsync(true, CancellationToken.None);

        Assert.True(snapshot.DenyList.Contains(InListA));
        Assert.Contains("version '2099/01/01/000000-deadbeef', which cannot be read", Assert.Single(harness.Logs.Messages(Kept)),
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetAsync_PointerNotJson_KeepsTheLastGoodList()
    {
        await using var harness = await StreamHarness.StartAsync();
        await harness.PublishDatacentersAsync(_listA);
        using var sut = Reader(harness);
        await sut.GetAsync(true, CancellationToken.None);
        await Container(harness).GetBlobClient(DatacenterListPublisher.LatestBlobName).UploadAsync(
            BinaryData.FromString("<html>not a pointer</html>"), overwrite: true);

        harness.Time.Advance(harness.Options.Reference.RefreshInterval);
        var snapshot = await sut.GetAsync(true, CancellationToken.None);

        Assert.True(snapshot.DenyList.Contains(InListA));
        Assert.Single(harness.Logs.Messages(Kept));
    }

    [Fact]
    public async Task GetAsync_NothingPublished_FailsNamingTheContainer()
    {
        await using var harness = await StreamHarness.StartAsync();
        await Container(harness).GetBlobClient(DatacenterListPublisher.LatestBlobName).DeleteAsync();
        using var sut = Reader(harness);

        var error = await Assert.ThrowsAsync<ReferenceDataException>(() => sut.GetAsync(true, CancellationToken.None));

        Assert.Contains($"container '{harness.Options.Reference.DatacentersContainer}': nothing is published there yet "
            + "(it has no latest.json)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetAsync_ContainerMissing_FailsAsNotPublishedYetWithoutCreatingIt()
    {
        await using var harness = await StreamHarness.StartAsync();
        var missing = AzuriteStorage.UniqueName("dc-missing-");
        var options = new ReferenceBlobOptions
        {
            AgentsContainer = harness.Options.Reference.AgentsContainer,
            DatacentersContainer = missing,
        };
        using var sut = new ReferenceDataBlobs(
            harness.Storage.Blobs, options, harness.Time, harness.Logs.CreateLogger("test"));

        var error = await Assert.ThrowsAsync<ReferenceDataException>(() => sut.GetAsync(true, CancellationToken.None));

        Assert.Contains($"container '{missing}': nothing is published there yet (the container does not exist)",
            error.Message, StringComparison.Ordinal);
        Assert.False((await harness.Storage.Blobs.GetBlobContainerClient(missing).ExistsAsync()).Value);
    }

    public void Dispose()
    {
        File.Delete(_listA);
        File.Delete(_listB);
    }

    private static ReferenceDataBlobs Reader(StreamHarness harness) => new(
        harness.Storage.Blobs, harness.Options.Reference, harness.Time, harness.Logs.CreateLogger("test"));

    private static Azure.Storage.Blobs.BlobContainerClient Container(StreamHarness harness) =>
        harness.Storage.Blobs.GetBlobContainerClient(harness.Options.Reference.DatacentersContainer);

    private static string WriteList(string rows)
    {
        var path = Path.Combine(Path.GetTempPath(), $"odl-dc-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, rows);
        return path;
    }
}
