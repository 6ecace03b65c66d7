using OpenDownloads.ReferenceData;

namespace OpenDownloads.Tests.ReferenceData;

public sealed class ReferenceDataCacheTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "odl-cache-" + Guid.NewGuid().ToString("N"));
    private readonly LocalHttpServer _server = new();
    private readonly HttpClient _http = new();

    [Fact]
    public async Task ResolveAsync_Url_DownloadsOnceThenRevalidatesWithETag()
    {
        var url = _server.Serve("/agents.json", "[]");
        var sut = new ReferenceDataCache(_http, _directory);

        var first = await sut.ResolveAsync(ReferenceFile.Agents, url.AbsoluteUri, AcceptAll, CancellationToken.None);
        var second = await sut.ResolveAsync(ReferenceFile.Agents, url.AbsoluteUri, AcceptAll, CancellationToken.None);

        Assert.Equal(first, second);
        Assert.Equal("[]", File.ReadAllText(first));
        Assert.Equal([200, 304], _server.Requests.Select(r => r.Status));
        Assert.Null(_server.Requests[0].IfNoneMatch);
        Assert.NotNull(_server.Requests[1].IfNoneMatch);
    }

    [Fact]
    public async Task ResolveAsync_UrlFailsWithCachedCopy_UsesTheCopy()
    {
        var url = _server.Serve("/agents.json", "[1]");
        var sut = new ReferenceDataCache(_http, _directory);
        var cached = await sut.ResolveAsync(ReferenceFile.Agents, url.AbsoluteUri, AcceptAll, CancellationToken.None);
        File.Delete(cached + ".etag");
        _server.Serve("/agents.json", null!); // the server now answers 404

        var again = await sut.ResolveAsync(ReferenceFile.Agents, url.AbsoluteUri, AcceptAll, CancellationToken.None);

        Assert.Equal("[1]", File.ReadAllText(again));
    }

    [Fact]
    public async Task ResolveAsync_UrlNotFoundAndNoCopy_ThrowsSayingWhatToDo()
    {
        var sut = new ReferenceDataCache(_http, _directory);
        var url = $"http://127.0.0.1:{_server.Port}/missing.csv";

        var error = await Assert.ThrowsAsync<ReferenceDataException>(
            () => sut.ResolveAsync(ReferenceFile.Datacenters, url, AcceptAll, CancellationToken.None));

        Assert.Contains("ipcat datacenter list could not be downloaded from " + url, error.Message, StringComparison.Ordinal);
        Assert.Contains("--datacenters PATH", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ResolveAsync_NothingGivenAndCachedDefault_UsesCacheWithoutNetwork()
    {
        Directory.CreateDirectory(_directory);
        var cached = Path.Combine(_directory, ReferenceFile.Agents.CacheFileName);
        File.WriteAllText(cached, "[]");
        using var noNetwork = new HttpClient(new RefusingHandler());
        var sut = new ReferenceDataCache(noNetwork, _directory);

        var path = await sut.ResolveAsync(ReferenceFile.Agents, null, AcceptAll, CancellationToken.None);

        Assert.Equal(cached, path);
    }

    [Fact]
    public async Task ResolveAsync_NothingGivenAndNoNetwork_NamesThePublishedUrlAndTheOption()
    {
        using var noNetwork = new HttpClient(new RefusingHandler());
        var sut = new ReferenceDataCache(noNetwork, _directory);

        var error = await Assert.ThrowsAsync<ReferenceDataException>(
            () => sut.ResolveAsync(ReferenceFile.Agents, null, AcceptAll, CancellationToken.None));

        Assert.Contains(ReferenceFile.Agents.PublishedUrl.AbsoluteUri, error.Message, StringComparison.Ordinal);
        Assert.Contains("--agents PATH", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ResolveAsync_NewDownloadFailsValidation_KeepsTheGoodCopyAndWarns()
    {
        var url = _server.Serve("/agents.json", "[\"good\"]");
        var warnings = new List<string>();
        var sut = new ReferenceDataCache(_http, _directory, warnings.Add);
        var cached = await sut.ResolveAsync(ReferenceFile.Agents, url.AbsoluteUri, AcceptAll, CancellationToken.None);
        File.Delete(cached + ".etag");
        _server.Serve("/agents.json", "<html>maintenance</html>");

        var again = await sut.ResolveAsync(ReferenceFile.Agents, url.AbsoluteUri, RejectHtml, CancellationToken.None);

        Assert.Equal("[\"good\"]", File.ReadAllText(again));
        Assert.False(File.Exists(cached + ".partial"));
        Assert.Contains("could not be refreshed", Assert.Single(warnings), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ResolveAsync_Directory_ThrowsSayingSo()
    {
        Directory.CreateDirectory(_directory);
        var sut = new ReferenceDataCache(_http, _directory);

        var error = await Assert.ThrowsAsync<ReferenceDataException>(
            () => sut.ResolveAsync(ReferenceFile.Agents, _directory, AcceptAll, CancellationToken.None));

        Assert.Contains("is a directory", error.Message, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _server.Dispose();
        _http.Dispose();
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private static void AcceptAll(string path)
    {
    }

    private static void RejectHtml(string path)
    {
        if (File.ReadAllText(path).StartsWith('<'))
        {
            throw new FormatException("HTML, not a list.");
        }
    }

    /// <summary>Stands for a machine without network: every request fails before leaving the process.</summary>
    private sealed class RefusingHandler : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            throw new HttpRequestException("No network in this test.");
    }
}
