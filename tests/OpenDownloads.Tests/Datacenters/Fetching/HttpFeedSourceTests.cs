using System.Text;
using OpenDownloads.Datacenters;
using OpenDownloads.Datacenters.Fetching;
using OpenDownloads.Datacenters.Providers;

namespace OpenDownloads.Tests.Datacenters.Fetching;

/// <summary>Fetching against a feed server on 127.0.0.1 that serves the real copies and injects faults.</summary>
public sealed class HttpFeedSourceTests : IDisposable
{
    private static readonly FeedDocument Fastly = new FastlyFeed().Documents[0];

    private readonly FeedServer _server = new();
    private readonly HttpClient _http = new();
    private readonly ListLogger _logger = new();

    [Fact]
    public async Task FetchAsync_FeedServed_ReturnsBodyAndValidatorsAndNamesTheProjectAsUserAgent()
    {
        var sut = Source();

        var response = await sut.FetchAsync(new FeedRequest("Fastly", Fastly), CancellationToken.None);

        Assert.Equal((true, 200, 402), (response.Succeeded, response.HttpStatus, response.Body!.Length));
        Assert.Equal(FeedServer.LastModified, response.LastModified);
        Assert.NotNull(response.ETag);
        Assert.Equal(HttpFeedSource.UserAgent, _server.Requests.Single().UserAgent);
        Assert.Contains("OpenDownloads", HttpFeedSource.UserAgent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FetchAsync_ETagStillMatches_ReturnsNotModifiedWithoutABody()
    {
        var sut = Source();
        var first = await sut.FetchAsync(new FeedRequest("Fastly", Fastly), CancellationToken.None);

        var response = await sut.FetchAsync(new FeedRequest("Fastly", Fastly, first.ETag), CancellationToken.None);

        Assert.Equal((true, 304, null), (response.NotModified, response.HttpStatus, response.Body));
        Assert.Equal(first.ETag, _server.Requests[^1].IfNoneMatch);
    }

    [Fact]
    public async Task FetchAsync_LastModifiedOnly_SendsIfModifiedSinceAndGetsNotModified()
    {
        var sut = Source();

        var response = await sut.FetchAsync(
            new FeedRequest("Fastly", Fastly, LastModified: FeedServer.LastModified), CancellationToken.None);

        Assert.True(response.NotModified);
        Assert.Equal(FeedServer.HttpDate(FeedServer.LastModified), _server.Requests.Single().IfModifiedSince);
    }

    [Theory]
    [InlineData(503)] // service unavailable
    [InlineData(429)] // throttled
    [InlineData(408)] // request timeout
    public async Task FetchAsync_TransientStatusTwice_RetriesAndSucceeds(int status)
    {
        _server.Inject(Fastly.FileName, new FeedFault.Status(status, Times: 2));
        var sut = Source();

        var response = await sut.FetchAsync(new FeedRequest("Fastly", Fastly), CancellationToken.None);

        Assert.True(response.Succeeded);
        Assert.Equal(3, _server.CountRequests(Fastly.FileName));
        Assert.Equal(2, _logger.Entries.Count(entry => entry.EventId == 3102));
    }

    [Fact]
    public async Task FetchAsync_NotFound_FailsAtOnceWithoutRetrying()
    {
        _server.Inject(Fastly.FileName, new FeedFault.Status(404));
        var sut = Source();

        var response = await sut.FetchAsync(new FeedRequest("Fastly", Fastly), CancellationToken.None);

        Assert.Equal(("HTTP 404", 404), (response.Error, response.HttpStatus));
        Assert.Equal(1, _server.CountRequests(Fastly.FileName));
    }

    [Fact]
    public async Task FetchAsync_ServerAlwaysFails_GivesUpAfterTheConfiguredAttempts()
    {
        _server.Inject(Fastly.FileName, new FeedFault.Status(500));
        var sut = Source();

        var response = await sut.FetchAsync(new FeedRequest("Fastly", Fastly), CancellationToken.None);

        Assert.Equal("HTTP 500", response.Error);
        Assert.Equal(3, _server.CountRequests(Fastly.FileName));
    }

    [Fact]
    public async Task FetchAsync_ServerHangs_TimesOutEachAttempt()
    {
        _server.Inject(Fastly.FileName, new FeedFault.Hang(TimeSpan.FromSeconds(30)));
        // Long enough that a loaded machine still gets each request to the server before the attempt gives up.
        var sut = Source(o => (o.FeedTimeout, o.FeedAttempts) = (TimeSpan.FromSeconds(2), 2));

        var response = await sut.FetchAsync(new FeedRequest("Fastly", Fastly), CancellationToken.None);

        Assert.Equal("timed out after 2 s", response.Error);
        Assert.Equal(2, _server.CountRequests(Fastly.FileName));
    }

    [Fact]
    public async Task FetchAsync_BodyCutShortOfItsLength_RetriesThenFails()
    {
        _server.Inject(Fastly.FileName, new FeedFault.Truncate(AnnounceLength: true));
        var sut = Source();

        var response = await sut.FetchAsync(new FeedRequest("Fastly", Fastly), CancellationToken.None);

        Assert.False(response.Succeeded);
        Assert.Equal(3, _server.CountRequests(Fastly.FileName));
    }

    [Fact]
    public async Task FetchAsync_AzureWithoutConfiguredUrl_DiscoversTheNewestFileAndLogsSo()
    {
        var page = _server.Serve("/download/details.aspx", Encoding.UTF8.GetBytes(
            $$"""<script>{"url":"{{_server.BaseUrl}}files/ServiceTags_Public_20251103.json"},"""
            + $$"""{"url":"{{_server.BaseUrl}}files/ServiceTags_Public_20251110.json"}</script>"""));
        var newest = _server.Serve("/files/ServiceTags_Public_20251110.json", "{}"u8.ToArray());
        var document = new AzureFeed(null, page).Documents[0];
        var sut = Source(o => o.FeedBaseUrl = null);

        var response = await sut.FetchAsync(new FeedRequest("Microsoft Azure", document), CancellationToken.None);

        Assert.Equal((newest.AbsoluteUri, "discovered"), (response.Location, response.LocationSource));
        Assert.Contains(_logger.Entries, entry => entry.EventId == 3100
            && entry.Message == $"Microsoft Azure feed URL {newest.AbsoluteUri} is discovered");
    }

    [Fact]
    public async Task FetchAsync_AzureWithConfiguredUrl_UsesItBeforeMirrorAndPage()
    {
        var configured = _server.Serve("/files/ServiceTags_Public_20251110.json", "{}"u8.ToArray());
        var page = new Uri(_server.BaseUrl, "never-read.aspx");
        var sut = Source();

        var response = await sut.FetchAsync(
            new FeedRequest("Microsoft Azure", new AzureFeed(configured, page).Documents[0]), CancellationToken.None);

        Assert.Equal((configured.AbsoluteUri, "configured"), (response.Location, response.LocationSource));
        Assert.Equal(0, _server.CountRequests("never-read.aspx"));
        Assert.Contains(_logger.Entries, entry => entry.Message.EndsWith(" is configured", StringComparison.Ordinal));
    }

    [Fact]
    public async Task FetchAsync_DiscoveryPageWithoutALink_FailsSayingTheLayoutMayHaveChanged()
    {
        var page = _server.Serve("/download/details.aspx", "<html>Download Center</html>"u8.ToArray());
        var sut = Source(o => o.FeedBaseUrl = null);

        var response = await sut.FetchAsync(
            new FeedRequest("Microsoft Azure", new AzureFeed(null, page).Documents[0]), CancellationToken.None);

        Assert.Contains("layout may have changed", response.Error, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _http.Dispose();
        _server.Dispose();
    }

    private HttpFeedSource Source(Action<DatacenterRebuildOptions>? change = null)
    {
        var options = new DatacenterRebuildOptions
        {
            FeedBaseUrl = _server.BaseUrl,
            RetryDelay = TimeSpan.FromMilliseconds(10),
            FeedTimeout = TimeSpan.FromSeconds(10),
        };
        change?.Invoke(options);
        return new HttpFeedSource(_http, options, TimeProvider.System, _logger);
    }
}
