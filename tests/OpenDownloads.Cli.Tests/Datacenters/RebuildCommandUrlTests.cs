using OpenDownloads.Tests.TestData;

namespace OpenDownloads.Cli.Tests.Datacenters;

/// <summary><c>odl datacenters rebuild</c>'s URL options, against the tests' feed server on 127.0.0.1.</summary>
public sealed class RebuildCommandUrlTests : IDisposable
{
    private static readonly string Ipcat = SharedData.Path("ipcat", "datacenters.csv");

    private readonly TempDirectory _temp = new();
    private readonly FeedServer _server = new();

    [Fact]
    public async Task Rebuild_FeedBaseUrl_FetchesEveryFeedFromTheMirror()
    {
        var run = await OdlRun.StartAsync(
            "datacenters", "rebuild", "--base", Ipcat, "--feed-base-url", _server.BaseUrl.AbsoluteUri,
            "--providers", "aws,fastly", "--attempts", "1", "--out", _temp.Path);

        Assert.Equal(0, run.ExitCode);
        Assert.Matches(@"aws +updated +\d+ IPv4", run.Output);
        Assert.Matches(@"fastly +updated +\d+ IPv4", run.Output);
        Assert.Equal(1, _server.CountRequests("aws-ip-ranges.json"));
    }

    [Fact]
    public async Task Rebuild_AzureUrl_IsAccepted()
    {
        var azure = new Uri(_server.BaseUrl, "azure-ServiceTags_Public.json").AbsoluteUri;

        var run = await OdlRun.StartAsync(
            "datacenters", "rebuild", "--base", Ipcat, "--azure-url", azure, "--providers", "azure",
            "--attempts", "1", "--out", _temp.Path);

        Assert.Equal(0, run.ExitCode);
        Assert.Matches(@"azure +updated +\d+ IPv4", run.Output);
    }

    [Theory]
    [InlineData("--feed-base-url", "not a url", "not absolute")]
    [InlineData("--feed-base-url", "ftp://127.0.0.1/", "not http(s)")]
    [InlineData("--azure-url", "/relative/file.json", "relative")]
    public async Task Rebuild_BadUrl_ExitsWith2NamingTheOption(string option, string value, string reason)
    {
        var run = await OdlRun.StartAsync("datacenters", "rebuild", option, value, "--out", _temp.Path);

        Assert.True(run.ExitCode == 2, reason);
        Assert.Contains($"{option} is '{value}'; expected an absolute http(s) URL", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("System.Uri", run.Error, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _server.Dispose();
        _temp.Dispose();
    }
}
