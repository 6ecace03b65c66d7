using OpenDownloads.Tests.TestData;

namespace OpenDownloads.Cli.Tests.Datacenters;

/// <summary><c>odl datacenters rebuild</c> with a previous list that is missing, broken or not a folder.</summary>
public sealed class RebuildCommandPreviousTests : IDisposable
{
    private static readonly string Ipcat = SharedData.Path("ipcat", "datacenters.csv");
    private static readonly string Feeds = SharedData.Path("providers");

    private readonly TempDirectory _temp = new();

    [Theory]
    [InlineData("", "empty")]
    [InlineData("not json", "not JSON")]
    [InlineData("{}", "JSON without the required members")]
    public async Task Rebuild_BrokenManifestInOut_WarnsAndRebuildsWithoutAPreviousList(string manifest, string reason)
    {
        await RebuildAsync("--out", _temp.Path);
        File.WriteAllText(_temp.Combine("manifest.json"), manifest);

        var run = await RebuildAsync("--out", _temp.Path);
        var again = await RebuildAsync("--out", _temp.Path);

        Assert.True(run.ExitCode == 0, reason);
        Assert.Contains("odl: warning: the previous list in " + _temp.Path, run.Error, StringComparison.Ordinal);
        Assert.Contains("manifest.json", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
        Assert.Equal(0, again.ExitCode);
    }

    [Fact]
    public async Task Rebuild_BrokenListInPrevious_WarnsAndRebuildsWithoutIt()
    {
        var previous = Directory.CreateDirectory(_temp.Combine("previous")).FullName;
        File.WriteAllText(Path.Combine(previous, "datacenters.csv"), "not,a,list\n");

        var run = await RebuildAsync("--previous", previous, "--out", _temp.Combine("out"));

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("odl: warning: the previous list in " + previous, run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rebuild_PreviousDoesNotExist_ExitsWith2()
    {
        var missing = _temp.Combine("nonexistent");

        var run = await RebuildAsync("--previous", missing, "--out", _temp.Combine("out"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"the folder '{missing}' given with --previous does not exist", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rebuild_PreviousIsAFile_ExitsWith2()
    {
        var run = await RebuildAsync("--previous", Ipcat, "--out", _temp.Combine("out"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"'{Ipcat}' given with --previous is a file; expected the folder", run.Error, StringComparison.Ordinal);
    }

    public void Dispose() => _temp.Dispose();

    private static Task<OdlRun> RebuildAsync(params string[] args) =>
        OdlRun.StartAsync(["datacenters", "rebuild", "--base", Ipcat, "--feeds", Feeds, .. args]);
}
