using System.Text.Json;
using OpenDownloads.Tests.TestData;

namespace OpenDownloads.Cli.Tests.Count;

/// <summary><c>odl count</c> on combined logs and Azure Monitor files, detected or named by <c>--format</c>.</summary>
public sealed class CountCommandShapeTests : IDisposable
{
    private static readonly string Agents = SharedData.Path("opawg-v1", "user-agents.json");
    private static readonly string Datacenters = SharedData.Path("ipcat", "datacenters.csv");

    private readonly TempDirectory _temp = new();

    public static TheoryData<string, string, long, long> Shapes => new()
    {
        // file name, content, downloads, rejected records
        { "access.log", ShapeLogs.Combined, ShapeLogs.CombinedDownloads, 2 },
        { "frontdoor.json", ShapeLogs.FrontDoor, ShapeLogs.FrontDoorDownloads, 0 },
        { "PT1H.json", ShapeLogs.StorageBlob, ShapeLogs.StorageBlobDownloads, 0 },
        { "capture.jsonl", ShapeLogs.Capture, ShapeLogs.CaptureDownloads, 1 }, // .jsonl, but an envelope a line
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public async Task Count_ShapeDetected_CountsItsDownloadsAndRejections(
        string name,
        string content,
        long downloads,
        long rejected)
    {
        var log = _temp.File(name, content);

        var run = await OdlRun.StartAsync("count", log, "--agents", Agents, "--datacenters", Datacenters, "--json");

        Assert.True(run.ExitCode == 0, run.Error);
        using var json = JsonDocument.Parse(run.Output);
        Assert.Equal(downloads, json.RootElement.GetProperty("total").GetInt64());
        Assert.Equal(rejected, json.RootElement.GetProperty("rejected").GetInt64());
    }

    [Fact]
    public async Task Count_CombinedLogWithBadLines_WritesThemToRejectedWithLineAndReason()
    {
        var log = _temp.File("access.log", ShapeLogs.Combined);
        var outDir = _temp.Combine("out");

        await OdlRun.StartAsync("count", log, "--agents", Agents, "--datacenters", Datacenters, "--out", outDir);

        var rejected = File.ReadAllLines(Path.Combine(outDir, "rejected.jsonl"))
            .Select(line => JsonDocument.Parse(line).RootElement).ToList();
        Assert.Equal([1L, 7L], rejected.Select(row => row.GetProperty("line").GetInt64()));
        Assert.Contains("not JSON or a combined log line", rejected[0].GetProperty("reason").GetString(),
            StringComparison.Ordinal);
        Assert.Contains("'20/Sep/2022 12:40' is not a log time", rejected[1].GetProperty("reason").GetString(),
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task Count_CaptureFileWithUnknownCategory_RejectsThatLinesRecordWithItsCategory()
    {
        var log = _temp.File("capture.jsonl", ShapeLogs.Capture);
        var outDir = _temp.Combine("out");

        await OdlRun.StartAsync("count", log, "--agents", Agents, "--datacenters", Datacenters, "--out", outDir);

        using var row = JsonDocument.Parse(Assert.Single(File.ReadAllLines(Path.Combine(outDir, "rejected.jsonl"))));
        Assert.Equal(3, row.RootElement.GetProperty("line").GetInt64());
        Assert.Contains("'AppServiceHTTPLogs' is not a request log", row.RootElement.GetProperty("reason").GetString(),
            StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("combined", "access.csv", "combined")] // the name says CSV; --format wins
    [InlineData("COMBINED", "access.txt", "combined")] // any case
    [InlineData("AzureMonitor", "frontdoor.csv", "frontdoor")]
    [InlineData("azuremonitor", "blobs.jsonl", "blob")]
    public async Task Count_FormatNamed_ReadsTheFileInThatFormat(string format, string name, string shape)
    {
        var (content, downloads) = shape switch
        {
            "combined" => (ShapeLogs.Combined, ShapeLogs.CombinedDownloads),
            "frontdoor" => (ShapeLogs.FrontDoor, ShapeLogs.FrontDoorDownloads),
            _ => (ShapeLogs.StorageBlob, ShapeLogs.StorageBlobDownloads),
        };
        var log = _temp.File(name, content);

        var run = await OdlRun.StartAsync(
            "count", log, "--agents", Agents, "--datacenters", Datacenters, "--format", format, "--json");

        Assert.True(run.ExitCode == 0, run.Error);
        using var json = JsonDocument.Parse(run.Output);
        Assert.Equal(downloads, json.RootElement.GetProperty("total").GetInt64());
    }

    [Fact]
    public async Task Count_CombinedLogWithFormatJsonLines_RejectsEveryLine()
    {
        var log = _temp.File("access.log", ShapeLogs.Combined);

        var run = await OdlRun.StartAsync(
            "count", log, "--agents", Agents, "--datacenters", Datacenters, "--format", "jsonlines", "--json");

        using var json = JsonDocument.Parse(run.Output);
        Assert.Equal(0, json.RootElement.GetProperty("total").GetInt64());
        Assert.Equal(7, json.RootElement.GetProperty("rejected").GetInt64());
    }

    public void Dispose() => _temp.Dispose();
}
