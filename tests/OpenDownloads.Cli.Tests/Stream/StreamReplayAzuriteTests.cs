using System.Text.Json;
using System.Text.RegularExpressions;
using OpenDownloads.Tests.Streaming;
using OpenDownloads.Tests.Streaming.Input;
using OpenDownloads.Tests.TestData;

namespace OpenDownloads.Cli.Tests.Stream;

/// <summary>
/// <c>odl stream</c>'s replay against Azurite: a clock that follows the requests, late requests, days left open,
/// dead letters that name the file's line, and the inputs a first user tried.
/// </summary>
[Collection(AzuriteSerial.Name)]
public sealed class StreamReplayAzuriteTests
{
    private static readonly string Agents = SharedData.Path("opawg-v1", "user-agents.json");
    private static readonly string Datacenters = SharedData.Path("ipcat", "datacenters.csv");

    // In file order: a request on the 20th, one on the 21st after the 20th closed (02:00 plus the grace), then a
    // request of the 20th that comes too late.
    private static readonly string TwoDays = string.Join('\n',
        Event("198.51.100.1", "2022-09-20T10:00:00Z"),
        Event("198.51.100.2", "2022-09-21T03:00:00Z"),
        Event("198.51.100.3", "2022-09-20T23:00:00Z"));

    [Fact]
    public async Task Stream_RequestAfterItsDayClosed_IsLateAndNotCounted()
    {
        using var temp = new TempDirectory();
        var log = temp.File("late.jsonl", TwoDays);

        var run = await StreamAsync(log, "--json");
        var text = await StreamAsync(log);

        Assert.True(run.ExitCode == 0, run.Error);
        using var json = JsonDocument.Parse(run.Output);
        Assert.Equal(2, json.RootElement.GetProperty("total").GetInt64());
        Assert.Equal(1, json.RootElement.GetProperty("late").GetInt64());
        Assert.Contains("closed 2 day(s), left 0 open; 1 late request(s).", run.Error, StringComparison.Ordinal);
        Assert.Contains(
            "\nLate requests, not counted (arrived after their day closed; dead-lettered): 1\n",
            text.Output,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stream_KeepOpen_LeavesTheDayNotYetDueOpenAndShowsItsProvisionalTotals()
    {
        using var temp = new TempDirectory();
        var log = temp.File("late.jsonl", TwoDays);

        var run = await StreamAsync(log, "--keep-open", "--json");
        var text = await StreamAsync(log, "--keep-open");

        Assert.True(run.ExitCode == 0, run.Error);
        using var json = JsonDocument.Parse(run.Output);
        Assert.Equal(1, json.RootElement.GetProperty("total").GetInt64());
        var open = Assert.Single(json.RootElement.GetProperty("open_days").EnumerateArray().ToList());
        Assert.Equal("2022-09-21T00:00:00Z", open.GetProperty("day").GetString());
        Assert.False(open.GetProperty("final").GetBoolean());
        Assert.Equal(1, open.GetProperty("total").GetInt64());
        Assert.Contains("closed 1 day(s), left 1 open; 1 late request(s).", run.Error, StringComparison.Ordinal);
        Assert.Contains(
            "\nDays left open (provisional totals, not in the counts above):\n  2022-09-21T00:00:00Z  1 "
            + "downloads from 1 events, 0 late; closes at 2022-09-22T02:00:00Z\n",
            text.Output,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stream_BadLinesKept_DeadLettersNameTheFileAndItsLine()
    {
        using var temp = new TempDirectory();
        var combined = temp.File("access.log", string.Join('\n',
            "203.0.113.7 - - [20/Sep/2022:00:08:04 +0000] \"GET /ep1.mp3 HTTP/1.1\" 206 9 \"-\" \"Overcast/3.0\" "
                + "\"bytes=0-\"",
            "",
            "not a log line"));

        var run = await StreamAsync(combined, "--keep");

        Assert.True(run.ExitCode == 0, run.Error);
        var container = AzuriteStorage.Blobs().GetBlobContainerClient(
            Regex.Match(run.Error, "dead letters in container ([a-z0-9]+);").Groups[1].Value);
        try
        {
            var listing = new Azure.Storage.Blobs.Models.GetBlobsOptions { Prefix = "deadletter/" };
            var blob = Assert.Single(await container.GetBlobsAsync(listing).ToListAsync());
            var letter = (await container.GetBlobClient(blob.Name).DownloadContentAsync()).Value.Content.ToString();
            using var json = JsonDocument.Parse(letter.TrimEnd('\n'));
            Assert.Equal(combined, json.RootElement.GetProperty("file").GetString());
            Assert.Equal(3, json.RootElement.GetProperty("file_line").GetInt64());
            Assert.Equal(2, json.RootElement.GetProperty("file_record").GetInt64());
            Assert.Equal(1, json.RootElement.GetProperty("line").GetInt64());
        }
        finally
        {
            await container.DeleteIfExistsAsync();
            await AzuriteStorage.Blobs().GetBlobContainerClient(container.Name + "-dc").DeleteIfExistsAsync();
            await AzuriteStorage.Tables().DeleteTableAsync(container.Name);
        }
    }

    [Fact]
    public async Task Stream_EmptyFile_WarnsNamingItAndCountsTheOthers()
    {
        using var temp = new TempDirectory();
        var empty = temp.File("empty.jsonl", "\n");
        var log = temp.File("one.jsonl", Event("198.51.100.1", "2022-09-20T10:00:00Z"));

        var run = await StreamAsync(empty, log, "--json");

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains($"odl: warning: {empty} is empty; it holds no events.\n", run.Error, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(run.Output);
        Assert.Equal(1, json.RootElement.GetProperty("total").GetInt64());
    }

    [Fact]
    public async Task Stream_FormatJsonOnAnAzureMonitorFile_StillReadsTheEnvelope()
    {
        using var temp = new TempDirectory();
        var frontDoor = temp.File("frontdoor.log", EventBodies.FrontDoor);

        var run = await StreamAsync(frontDoor, "--format", "json", "--json");

        Assert.True(run.ExitCode == 0, run.Error);
        using var json = JsonDocument.Parse(run.Output);
        Assert.Equal(1, json.RootElement.GetProperty("total").GetInt64());
        Assert.Equal(1, json.RootElement.GetProperty("events").GetInt64());
        Assert.Equal(0, json.RootElement.GetProperty("rejected").GetInt64());
    }

    private static Task<OdlRun> StreamAsync(params string[] arguments) => OdlRun.StartAsync(
        ["stream", .. arguments, "--agents", Agents, "--datacenters", Datacenters, "--partitions", "1",
            "--batch-size", "1", "--salt", "s", "--storage", AzuriteStorage.ConnectionString]);

    private static string Event(string ip, string time) =>
        $"{{\"ip\":\"{ip}\",\"user_agent\":\"Overcast/3.0\",\"timestamp\":\"{time}\",\"url\":\"/ep1.mp3\","
        + "\"method\":\"GET\"}";
}
