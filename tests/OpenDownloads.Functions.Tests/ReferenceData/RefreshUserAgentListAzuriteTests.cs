using Azure.Storage.Blobs;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenDownloads.Functions.Counting;
using OpenDownloads.Functions.ReferenceData;
using OpenDownloads.Tests.Rotation.Support;
using OpenDownloads.Tests.Streaming;
using OpenDownloads.Tests.TestData;

namespace OpenDownloads.Functions.Tests.ReferenceData;

/// <summary>The daily OPAWG refresh as the app wires it, against Azurite and a list server on 127.0.0.1.</summary>
[Collection(AzuriteSerial.Name)]
public sealed class RefreshUserAgentListAzuriteTests : IAsyncLifetime, IDisposable
{
    private const string Path = "/user-agents.json";
    private const int Refreshed = 4013;
    private const int Kept = 4014;

    private static readonly byte[] Opawg = File.ReadAllBytes(SharedData.Path("opawg-v1", "user-agents.json"));
    private static readonly byte[] Small = "[{\"user_agents\": [\"^Overcast\"], \"app\": \"Overcast\"}]"u8.ToArray();

    private readonly FeedServer _server = new();
    private readonly CapturingLoggerFactory _logs = new();
    private readonly string _container = AzuriteStorage.UniqueName("ref-");
    private ServiceProvider _services = null!;

    private BlobClient Blob => AzuriteStorage.Blobs().GetBlobContainerClient(_container)
        .GetBlobClient("opawg-user-agents.json");

    public Task InitializeAsync()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["CountDownloads:Salt"] = "functions-test-salt-0123456789",
            ["CountDownloads:Reference:AgentsContainer"] = _container,
            ["CountDownloads:Reference:AgentsSourceUrl"] = new Uri(_server.BaseUrl, Path).AbsoluteUri,
            ["CountDownloads:Storage"] = AzuriteStorage.ConnectionString,
        }).Build();
        _services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<ILoggerFactory>(_logs)
            .AddStreamCounting(configuration)
            .BuildServiceProvider();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await AzuriteStorage.Blobs().GetBlobContainerClient(_container).DeleteIfExistsAsync();
    }

    public void Dispose()
    {
        _server.Dispose();
        _logs.Dispose();
    }

    [Fact]
    public async Task RunAsync_UnchangedListOnTheSecondRun_WritesTheBlobOnce()
    {
        _server.Serve(Path, Opawg);

        await RunAsync();
        var first = (await Blob.GetPropertiesAsync()).Value.ETag;
        await RunAsync();

        Assert.Equal(Opawg, (await Blob.DownloadContentAsync()).Value.Content.ToArray());
        Assert.Equal(first, (await Blob.GetPropertiesAsync()).Value.ETag);
        var lines = _logs.Entries.Where(e => e.EventId == Refreshed).Select(e => e.Message).ToList();
        Assert.Equal(2, lines.Count);
        Assert.Contains("written True", lines[0], StringComparison.Ordinal);
        Assert.Contains("written False", lines[1], StringComparison.Ordinal);
        Assert.NotNull(_server.Requests[^1].IfNoneMatch);
    }

    [Fact]
    public async Task RunAsync_ListChanged_WritesTheNewList()
    {
        _server.Serve(Path, Opawg);
        await RunAsync();
        _server.Serve(Path, Small);

        await RunAsync();

        Assert.Equal(Small, (await Blob.DownloadContentAsync()).Value.Content.ToArray());
    }

    [Theory]
    [InlineData("html", "an error page served with 200")]
    [InlineData("status", "a 503 from the server")]
    [InlineData("cut", "a body cut in half")]
    public async Task RunAsync_DownloadFails_KeepsTheBlobAndWarns(string fault, string reason)
    {
        Assert.NotEmpty(reason);
        await AzuriteStorage.Blobs().GetBlobContainerClient(_container).CreateIfNotExistsAsync();
        await Blob.UploadAsync(new BinaryData(Small));
        var before = (await Blob.GetPropertiesAsync()).Value.ETag;
        _server.Serve(Path, Opawg);
        _server.Inject(Path.TrimStart('/'), fault switch
        {
            "html" => new FeedFault.Replace("<html><body>Rate limited</body></html>"u8.ToArray()),
            "status" => new FeedFault.Status(503),
            _ => new FeedFault.Truncate(AnnounceLength: false),
        });

        await RunAsync();

        Assert.Equal(before, (await Blob.GetPropertiesAsync()).Value.ETag);
        Assert.Equal(1, _logs.Count(Kept));
        Assert.Equal(0, _logs.Count(Refreshed));
    }

    private Task RunAsync() => ActivatorUtilities.CreateInstance<RefreshUserAgentList>(_services)
        .RunAsync(new TimerInfo(), CancellationToken.None);
}
