using System.Text.Json;
using OpenDownloads.Cli.Tests.Count;
using OpenDownloads.Tests.Streaming;
using OpenDownloads.Tests.TestData;

namespace OpenDownloads.Cli.Tests.Stream;

/// <summary>
/// The README's "same counts" promise for combined logs and Azure Monitor files, against Azurite: <c>odl stream</c>
/// prints what <c>odl count</c> prints for the same file and salt, and dead-letters the records it rejects.
/// </summary>
[Collection(AzuriteSerial.Name)]
public sealed class StreamShapesAzuriteTests
{
    private static readonly string Agents = SharedData.Path("opawg-v1", "user-agents.json");
    private static readonly string Datacenters = SharedData.Path("ipcat", "datacenters.csv");

    public static TheoryData<string, string, int, string[]> Shapes => new()
    {
        // file name, content, downloads, extra options for both commands
        { "access.log", ShapeLogs.Combined, ShapeLogs.CombinedDownloads, [] },
        { "access.csv", ShapeLogs.Combined, ShapeLogs.CombinedDownloads, ["--format", "Combined"] },
        { "frontdoor.json", ShapeLogs.FrontDoor, ShapeLogs.FrontDoorDownloads, [] },
        { "PT1H.json", ShapeLogs.StorageBlob, ShapeLogs.StorageBlobDownloads, [] },
        { "blobs.json", ShapeLogs.StorageBlob, ShapeLogs.StorageBlobDownloads, ["--format", "json"] }, // JSON too
        { "capture.jsonl", ShapeLogs.Capture, ShapeLogs.CaptureDownloads, [] },
        { "capture.log", ShapeLogs.Capture, ShapeLogs.CaptureDownloads, ["--format", "azuremonitor"] },
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public async Task Stream_Shape_PrintsOdlCountsSummaryAndRejectsTheSameLines(
        string name,
        string content,
        int downloads,
        string[] extra)
    {
        using var temp = new TempDirectory();
        var log = temp.File(name, content);
        var countOut = temp.Combine("out");
        var streamRejected = temp.Combine("stream-rejected.jsonl");
        string[] options = ["--agents", Agents, "--datacenters", Datacenters, "--salt", "s", .. extra];

        var run = await OdlRun.StartAsync(
            ["stream", log, .. options, "--partitions", "2", "--batch-size", "2", "--redeliver", "0.5", "--seed", "3",
                "--rejected", streamRejected, "--storage", AzuriteStorage.ConnectionString]);
        var count = await OdlRun.StartAsync(["count", log, .. options, "--out", countOut]);

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.StartsWith($"Downloads: {downloads}\n", run.Output, StringComparison.Ordinal);
        Assert.Equal(count.Output, run.Output);
        Assert.Equal(
            LinesAndReasons(Path.Combine(countOut, "rejected.jsonl")),
            LinesAndReasons(streamRejected));
    }

    private static List<string> LinesAndReasons(string rejectedFile) =>
        [.. File.ReadAllLines(rejectedFile).Select(line =>
        {
            using var row = JsonDocument.Parse(line);
            return $"{row.RootElement.GetProperty("line")}: {row.RootElement.GetProperty("reason").GetString()}";
        })];
}
