using OpenDownloads.Tests.TestData;

namespace OpenDownloads.Cli.Tests.Datacenters;

/// <summary><c>odl datacenters rebuild</c> on the real feed copies, reading nothing from the network.</summary>
public sealed class RebuildCommandTests : IDisposable
{
    private static readonly string Ipcat = SharedData.Path("ipcat", "datacenters.csv");
    private static readonly string Feeds = SharedData.Path("providers");

    private readonly TempDirectory _temp = new();

    [Fact]
    public async Task Rebuild_FeedsFolderToOut_WritesTheFiveFilesAndASummary()
    {
        var run = await OdlRun.StartAsync("datacenters", "rebuild", "--base", Ipcat, "--feeds", Feeds, "--out", _temp.Path);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(
            ["datacenters-ipv6-stats.csv", "datacenters-ipv6.csv", "datacenters-stats.csv", "datacenters.csv", "manifest.json"],
            Directory.GetFiles(_temp.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Matches(@"aws +updated +\d+ IPv4 +\d+ IPv6 rows", run.Output);
        Assert.Contains("akamai        failed", run.Output, StringComparison.Ordinal);
        Assert.Contains("odl: warning: Akamai: failed", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rebuild_SecondRunIntoTheSameOut_FallsBackOnTheFirstRunsList()
    {
        await OdlRun.StartAsync("datacenters", "rebuild", "--base", Ipcat, "--feeds", Feeds, "--out", _temp.Path);
        var missingBase = _temp.Combine("no-such-base.csv");

        var run = await OdlRun.StartAsync("datacenters", "rebuild", "--base", missingBase, "--feeds", Feeds, "--out", _temp.Path);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Base list " + missingBase + " not used", run.Error, StringComparison.Ordinal);
        Assert.Contains("Psychz Networks", File.ReadAllText(_temp.Combine("datacenters.csv")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rebuild_NoBaseAndNoPrevious_ExitsWith1AndWritesNothing()
    {
        var run = await OdlRun.StartAsync(
            "datacenters", "rebuild", "--base", _temp.Combine("missing.csv"), "--feeds", Feeds, "--out", _temp.Path);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("was not built", run.Error, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(_temp.Path));
    }

    [Fact]
    public async Task Rebuild_SeveralBadOptions_ReportsEveryProblemAtOnce()
    {
        var run = await OdlRun.StartAsync(
            "datacenters", "rebuild", "--providers", "aws,nope", "--max-shrink", "2", "--attempts", "0");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("'nope', which is not a provider", run.Error, StringComparison.Ordinal);
        Assert.Contains("MaxShrink is 2", run.Error, StringComparison.Ordinal);
        Assert.Contains("FeedAttempts is 0", run.Error, StringComparison.Ordinal);
        Assert.Contains("give --out DIR, --publish, or both", run.Error, StringComparison.Ordinal);
    }

    public void Dispose() => _temp.Dispose();
}
