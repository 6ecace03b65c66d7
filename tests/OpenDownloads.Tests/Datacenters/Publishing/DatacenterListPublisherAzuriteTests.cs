using System.Text;
using Azure.Storage.Blobs.Models;
using OpenDownloads.Datacenters.Building;
using OpenDownloads.Datacenters.Output;
using OpenDownloads.Datacenters.Publishing;
using OpenDownloads.Tests.Datacenters.Building;
using OpenDownloads.Tests.TestData;

namespace OpenDownloads.Tests.Datacenters.Publishing;

/// <summary>
/// Publishing to a real blob container in Azurite: versions, the latest pointer, races and retention.
/// </summary>
public sealed class DatacenterListPublisherAzuriteTests
{
    private readonly ListLogger _logger = new();

    [Fact]
    public async Task PublishAsync_FirstList_WritesADatedVersionAndPointsLatestAtIt()
    {
        await using var container = AzuriteStorage.CreateContainer();
        var sut = new DatacenterListPublisher(container.Client, 30, _logger);
        var build = await BuildAsync(null);

        var outcome = await sut.PublishAsync(build, null, CancellationToken.None);

        Assert.Equal((true, build.Manifest.Version, null), (outcome.MovedLatest, outcome.LatestVersion, outcome.PreviousVersion));
        Assert.StartsWith("2026/12/04/031500-", outcome.Version, StringComparison.Ordinal);
        var names = await NamesAsync(container);
        Assert.Equal(
            [.. build.Files.Select(f => $"{build.Manifest.Version}/{f.Key}").Append(DatacenterListPublisher.LatestBlobName).Order(StringComparer.Ordinal)],
            names);
    }

    [Fact]
    public async Task ReadLatestAsync_AfterPublish_ReturnsTheSameRangesAndManifest()
    {
        await using var container = AzuriteStorage.CreateContainer();
        var sut = new DatacenterListPublisher(container.Client, 30, _logger);
        var build = await BuildAsync(null);
        await sut.PublishAsync(build, null, CancellationToken.None);

        var latest = await sut.ReadLatestAsync(CancellationToken.None);

        Assert.NotNull(latest);
        Assert.Equal(build.Manifest.Version, latest.Version);
        Assert.Equal(build.Ranges.Ranges, latest.List!.Ranges);
        Assert.Equal(build.Manifest.Files, latest.List.Manifest!.Files);
    }

    [Fact]
    public async Task ReadLatestAsync_NothingPublished_ReturnsNull()
    {
        await using var container = AzuriteStorage.CreateContainer();
        var sut = new DatacenterListPublisher(container.Client, 30, _logger);

        var latest = await sut.ReadLatestAsync(CancellationToken.None);

        Assert.Null(latest);
    }

    [Fact]
    public async Task ReadLatestAsync_VersionAlteredAfterPublishing_WarnsAndReturnsNoList()
    {
        await using var container = AzuriteStorage.CreateContainer();
        var sut = new DatacenterListPublisher(container.Client, 30, _logger);
        var build = await BuildAsync(null);
        await sut.PublishAsync(build, null, CancellationToken.None);
        await container.Client.GetBlobClient($"{build.Manifest.Version}/{DatacenterListFiles.IPv4}")
            .UploadAsync(new BinaryData("1.2.3.0,1.2.3.255,Someone,u\n"u8.ToArray()), overwrite: true);

        var latest = await sut.ReadLatestAsync(CancellationToken.None);

        Assert.Null(latest!.List);
        var warning = Assert.Single(_logger.Entries, entry => entry.EventId == 3204);
        Assert.Contains("does not match its manifest", warning.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not json", "not JSON")]
    [InlineData("{}", "no version")]
    [InlineData("{\"version\":5}", "a version of the wrong type")]
    [InlineData("{\"version\":\"2020/01/01/000000-gone\"}", "a version that does not exist")]
    public async Task PublishAsync_UnreadableLatest_WarnsNamingLatestAndReplacesIt(string latestJson, string reason)
    {
        await using var container = AzuriteStorage.CreateContainer();
        var sut = new DatacenterListPublisher(container.Client, 30, _logger);
        await container.Client.CreateIfNotExistsAsync();
        await container.Client.GetBlobClient(DatacenterListPublisher.LatestBlobName).UploadAsync(new BinaryData(latestJson));

        var latest = await sut.ReadLatestAsync(CancellationToken.None);
        var outcome = await sut.PublishAsync(await BuildAsync(latest), latest, CancellationToken.None);

        Assert.True(outcome.MovedLatest, reason);
        var warning = Assert.Single(_logger.Entries, entry => entry.EventId == 3204);
        Assert.Contains("latest.json", warning.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", warning.Message, StringComparison.Ordinal);
        Assert.Equal(outcome.Version, (await sut.ReadLatestAsync(CancellationToken.None))!.Version);
    }

    [Fact]
    public async Task PublishAsync_LatestMovedSinceItWasRead_KeepsTheOtherRunsListServed()
    {
        await using var container = AzuriteStorage.CreateContainer();
        var sut = new DatacenterListPublisher(container.Client, 30, _logger);
        await sut.PublishAsync(await BuildAsync(null), null, CancellationToken.None);
        var stale = await sut.ReadLatestAsync(CancellationToken.None);
        var other = await sut.PublishAsync(await BuildAsync(stale), stale, CancellationToken.None);

        var outcome = await sut.PublishAsync(await BuildAsync(stale), stale, CancellationToken.None);

        Assert.Equal((false, other.Version), (outcome.MovedLatest, outcome.LatestVersion));
        Assert.Equal(other.Version, (await sut.ReadLatestAsync(CancellationToken.None))!.Version);
        Assert.Contains(_logger.Entries, entry => entry.EventId == 3202);
    }

    [Fact]
    public async Task PublishAsync_TwoRebuildsRacing_ExactlyOneMovesLatestAndReadersSeeAWholeList()
    {
        await using var container = AzuriteStorage.CreateContainer();
        var sut = new DatacenterListPublisher(container.Client, 30, _logger);
        await sut.PublishAsync(await BuildAsync(null), null, CancellationToken.None);
        for (var round = 0; round < 3; round++)
        {
            var first = await sut.ReadLatestAsync(CancellationToken.None);
            var second = await sut.ReadLatestAsync(CancellationToken.None);
            var (buildA, buildB) = (await BuildAsync(first), await BuildAsync(second));
            using var racing = new CancellationTokenSource();
            var reader = Task.Run(() => ReadUntilCancelledAsync(sut, racing.Token));

            var outcomes = await Task.WhenAll(
                Task.Run(() => sut.PublishAsync(buildA, first, CancellationToken.None)),
                Task.Run(() => sut.PublishAsync(buildB, second, CancellationToken.None)));
            await racing.CancelAsync();

            var winner = Assert.Single(outcomes, o => o.MovedLatest);
            Assert.All(outcomes, o => Assert.Equal(winner.Version, o.LatestVersion));
            Assert.Equal(winner.Version, (await sut.ReadLatestAsync(CancellationToken.None))!.Version);
            Assert.True(await reader > 0, "The reader never read a whole list during the race.");
        }
    }

    [Fact]
    public async Task PublishAsync_MoreVersionsThanRetained_DeletesTheOldestButNeverLatest()
    {
        await using var container = AzuriteStorage.CreateContainer();
        var sut = new DatacenterListPublisher(container.Client, 2, _logger);
        var versions = new List<string>();
        LatestDatacenterList? latest = null;
        for (var run = 0; run < 4; run++)
        {
            var build = await BuildAsync(latest, SharedCopies.Now.AddDays(run));
            versions.Add((await sut.PublishAsync(build, latest, CancellationToken.None)).Version);
            latest = await sut.ReadLatestAsync(CancellationToken.None);
        }

        var kept = (await NamesAsync(container)).Where(n => n.EndsWith('/' + DatacenterListFiles.Manifest)).ToList();

        Assert.Equal(versions.Skip(2).Select(v => $"{v}/{DatacenterListFiles.Manifest}").Order(StringComparer.Ordinal), kept);
        Assert.Equal(versions[^1], latest!.Version);
    }

    [Fact]
    public async Task PublishAsync_Files_CarryContentTypes()
    {
        await using var container = AzuriteStorage.CreateContainer();
        var sut = new DatacenterListPublisher(container.Client, 30, _logger);
        var outcome = await sut.PublishAsync(await BuildAsync(null), null, CancellationToken.None);

        BlobProperties csv = await container.Client.GetBlobClient($"{outcome.Version}/{DatacenterListFiles.IPv4}").GetPropertiesAsync();
        BlobProperties manifest = await container.Client.GetBlobClient($"{outcome.Version}/{DatacenterListFiles.Manifest}").GetPropertiesAsync();

        Assert.Equal(("text/csv; charset=utf-8", "application/json"), (csv.ContentType, manifest.ContentType));
    }

    // Every read must be a whole, hash-checked list: ReadLatestAsync throws on a missing or partial version.
    private static async Task<int> ReadUntilCancelledAsync(DatacenterListPublisher sut, CancellationToken racing)
    {
        var reads = 0;
        do
        {
            Assert.NotNull(await sut.ReadLatestAsync(CancellationToken.None));
            reads++;
        }
        while (!racing.IsCancellationRequested);

        return reads;
    }

    [Fact]
    public async Task PublishAsync_RetentionDeleteRefused_StillReportsLatestMovedAndWarns()
    {
        await using var container = AzuriteStorage.CreateContainer();
        var owner = new DatacenterListPublisher(container.Client, 1, _logger);
        var latest = (await owner.PublishAsync(await BuildAsync(null), null, CancellationToken.None)).Version;
        var noDelete = AzuriteStorage.CreateServiceClient().GenerateAccountSasUri(
            Azure.Storage.Sas.AccountSasPermissions.Read | Azure.Storage.Sas.AccountSasPermissions.Write
                | Azure.Storage.Sas.AccountSasPermissions.Create | Azure.Storage.Sas.AccountSasPermissions.List,
            DateTimeOffset.UtcNow.AddHours(1),
            Azure.Storage.Sas.AccountSasResourceTypes.All);
        var sut = new DatacenterListPublisher(
            new Azure.Storage.Blobs.BlobServiceClient(noDelete).GetBlobContainerClient(container.Client.Name), 1, _logger);
        var read = await sut.ReadLatestAsync(CancellationToken.None);

        var outcome = await sut.PublishAsync(await BuildAsync(read, SharedCopies.Now.AddDays(1)), read, CancellationToken.None);

        Assert.True(outcome.MovedLatest);
        Assert.NotNull(outcome.RetentionError);
        Assert.Single(_logger.Entries, entry => entry.EventId == 3205);
        Assert.Contains(await NamesAsync(container), name => name.StartsWith(latest + "/", StringComparison.Ordinal));
    }

    private static async Task<List<string>> NamesAsync(TestContainer container)
    {
        var names = new List<string>();
        await foreach (var blob in container.Client.GetBlobsAsync())
        {
            names.Add(blob.Name);
        }

        return [.. names.Order(StringComparer.Ordinal)];
    }

    // Small, fast builds: only Fastly and Cloudflare from the real copies over a three-row base list.
    private static Task<DatacenterListBuild> BuildAsync(LatestDatacenterList? previous, DateTimeOffset? now = null)
    {
        var basePath = Path.Combine(Path.GetTempPath(), "odl-base-" + Environment.ProcessId + ".csv");
        File.WriteAllText(basePath, "5.10.64.0,5.10.127.255,Leaseweb,http://www.leaseweb.com/\n"
            + "64.5.32.0,64.5.63.255,\"ThePlanet.com Internet Services, Inc.\",http://theplanet.com\n"
            + "69.55.48.0,69.55.63.255,Example Host,http://example.com/\n", Encoding.UTF8);
        var options = SharedCopies.Options(o => (o.BaseList, o.Providers) = (basePath, "fastly,cloudflare"));
        return SharedCopies.Rebuilder(options, now: now).RebuildAsync(previous?.List, CancellationToken.None);
    }
}
