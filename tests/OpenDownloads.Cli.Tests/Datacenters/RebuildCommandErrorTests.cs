using OpenDownloads.Tests.TestData;

namespace OpenDownloads.Cli.Tests.Datacenters;

/// <summary>
/// <c>odl datacenters rebuild</c>'s bad options and unreachable storage: one clear line naming the input, never a
/// stack trace.
/// </summary>
public sealed class RebuildCommandErrorTests : IDisposable
{
    private static readonly string Ipcat = SharedData.Path("ipcat", "datacenters.csv");
    private static readonly string Feeds = SharedData.Path("providers");

    private readonly TempDirectory _temp = new();

    [Theory]
    [InlineData("0.001", "below what the retry pipeline accepts")]
    [InlineData("1e9", "above a day")]
    [InlineData("1e300", "beyond TimeSpan")]
    [InlineData("NaN", "not a number of seconds")]
    public async Task Rebuild_TimeoutOutOfRange_ExitsWith2NamingTheOption(string timeout, string reason)
    {
        var run = await RebuildAsync("--timeout", timeout, "--out", _temp.Path);

        Assert.True(run.ExitCode == 2, reason);
        Assert.Contains($"--timeout is {timeout}; expected", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rebuild_ConnectionNotAConnectionString_ExitsWith2NamingTheOptionWithoutEchoingIt()
    {
        var run = await RebuildAsync("--publish", "--connection", "garbage-secret", "--out", _temp.Path);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--connection is not a storage connection string", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("previous list", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("garbage-secret", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rebuild_ConnectionWithAPasswordInBlobEndpoint_NeverEchoesIt()
    {
        var connection = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=a2V5;"
            + $"BlobEndpoint=http://user:hunter2@127.0.0.1:{LocalPorts.FindClosed()}/devstoreaccount1;";

        var run = await RebuildAsync("--publish", "--connection", connection, "--out", _temp.Path);

        Assert.NotEqual(0, run.ExitCode);
        Assert.DoesNotContain("hunter2", run.Error + run.Output, StringComparison.Ordinal);

        // Reading the published list creates no container, so the closed port is what fails first.
        Assert.Contains("odl: Blob storage could not be reached at http://127.0.0.1:", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rebuild_StorageUnreachable_ExitsWith1InOneLine()
    {
        var connection = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;"
            + "AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;"
            + $"BlobEndpoint=http://127.0.0.1:{LocalPorts.FindClosed()}/devstoreaccount1;";

        var run = await RebuildAsync("--publish", "--connection", connection);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("odl: Blob storage could not be reached", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("AccountKey", run.Error, StringComparison.Ordinal);
    }

    public void Dispose() => _temp.Dispose();

    private static Task<OdlRun> RebuildAsync(params string[] args) =>
        OdlRun.StartAsync(["datacenters", "rebuild", "--base", Ipcat, "--feeds", Feeds, .. args]);
}
