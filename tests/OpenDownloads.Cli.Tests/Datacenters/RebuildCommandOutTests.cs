using OpenDownloads.Tests.TestData;

namespace OpenDownloads.Cli.Tests.Datacenters;

/// <summary><c>odl datacenters rebuild --out</c>: checked before the build, written whole or not at all.</summary>
public sealed class RebuildCommandOutTests : IDisposable
{
    private static readonly string Ipcat = SharedData.Path("ipcat", "datacenters.csv");
    private static readonly string Feeds = SharedData.Path("providers");

    private readonly TempDirectory _temp = new();

    [Fact]
    public async Task Rebuild_OutIsAFile_ExitsWith2BeforeBuilding()
    {
        var file = _temp.File("out.txt", "x");

        var run = await RebuildAsync("--out", file);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"'{file}' given with --out is a file; expected a folder", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Datacenter list", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rebuild_OutUnderAFile_ExitsWith2BeforeBuilding()
    {
        var file = _temp.File("out.txt", "x");
        var under = Path.Combine(file, "list");

        var run = await RebuildAsync("--out", under);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"'{file}', part of the path '{under}' given with --out, is a file", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rebuild_WriteFails_ReportsOneLineAndLeavesNoTemporaryFolder()
    {
        var output = Directory.CreateDirectory(_temp.Combine("out")).FullName;
        Directory.CreateDirectory(Path.Combine(output, "datacenters.csv"));

        var run = await RebuildAsync("--out", output);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"odl: the list could not be written to {output}:", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
        Assert.Equal(["out"], Directory.GetFileSystemEntries(_temp.Path).Select(Path.GetFileName));
        Assert.Empty(Directory.GetFiles(output));
    }

    [Fact]
    public async Task Rebuild_IntoAFolderThatDoesNotExistYet_CreatesItAndLeavesNoTemporaryFolder()
    {
        var output = _temp.Combine("new");

        var run = await RebuildAsync("--out", output);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(5, Directory.GetFiles(output).Length);
        Assert.Equal(["new"], Directory.GetFileSystemEntries(_temp.Path).Select(Path.GetFileName));
    }

    public void Dispose() => _temp.Dispose();

    private static Task<OdlRun> RebuildAsync(params string[] args) =>
        OdlRun.StartAsync(["datacenters", "rebuild", "--base", Ipcat, "--feeds", Feeds, .. args]);
}
