using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging.Abstractions;
using OpenDownloads.Datacenters.Publishing;
using OpenDownloads.Cli.Tests.Count;
using OpenDownloads.Tests.Streaming;
using OpenDownloads.Tests.Streaming.Input;
using OpenDownloads.Tests.TestData;

namespace OpenDownloads.Cli.Tests.Stream;

/// <summary><c>odl stream</c> as a user runs it, against Azurite: the same summary as <c>odl count</c>.</summary>
[Collection(AzuriteSerial.Name)]
public sealed class StreamCommandAzuriteTests
{
    // Azurite's published development key; it opens nothing but the emulator.
    private const string Key = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private static readonly string Demo = SharedData.Path("odl", "demo.odl.avro");
    private static readonly string Agents = SharedData.Path("opawg-v1", "user-agents.json");
    private static readonly string Datacenters = SharedData.Path("ipcat", "datacenters.csv");

    [Fact]
    public async Task Stream_DemoFileInFourPartitionsShuffledAndRedelivered_Reports270AndOdlCountsApps()
    {
        var run = await OdlRun.StartAsync(
            "stream", Demo, "--agents", Agents, "--partitions", "4", "--batch-size", "17", "--redeliver", "0.3",
            "--shuffle", "--storage", AzuriteStorage.ConnectionString, "--json");
        var count = await OdlRun.StartAsync("count", Demo, "--agents", Agents, "--json");

        Assert.True(run.ExitCode == 0, run.Error);
        using var streamed = JsonDocument.Parse(run.Output);
        using var counted = JsonDocument.Parse(count.Output);
        Assert.Equal(270, streamed.RootElement.GetProperty("total").GetInt64());
        Assert.Equal(
            counted.RootElement.GetProperty("by_app").GetRawText(),
            streamed.RootElement.GetProperty("by_app").GetRawText());
        AssertSameAsOdlCount(counted, streamed);
    }

    [Fact]
    public async Task Stream_RawIpLogWithBadLines_PrintsOdlCountsSummaryForTheSameSalt()
    {
        using var temp = new TempDirectory();
        var log = temp.File("sample.jsonl", SampleLog.JsonLines);
        string[] options = ["--agents", Agents, "--datacenters", Datacenters, "--salt", "s"];

        var run = await OdlRun.StartAsync(
            ["stream", log, .. options, "--partitions", "3", "--batch-size", "2", "--redeliver", "0.5", "--shuffle",
                "--seed", "11", "--storage", AzuriteStorage.ConnectionString]);
        var count = await OdlRun.StartAsync(["count", log, .. options]);

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal(count.Output, run.Output);
        Assert.StartsWith($"Downloads: {SampleLog.Downloads}\n", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stream_CombinedLogAndFrontDoorFile_CountsEachSource()
    {
        using var temp = new TempDirectory();
        var combined = temp.File("access.log", string.Join('\n',
            "203.0.113.7 - - [20/Sep/2022:00:08:03 +0000] \"GET /ep1.mp3 HTTP/1.1\" 206 2 \"-\" \"Overcast/3.0\" \"bytes=0-1\"",
            "203.0.113.7 - - [20/Sep/2022:00:08:04 +0000] \"GET /ep1.mp3 HTTP/1.1\" 206 9 \"-\" \"Overcast/3.0\" \"bytes=0-\"",
            "203.0.113.8 - - [20/Sep/2022:00:09:00 +0000] \"GET /ep1.mp3 HTTP/1.1\" 206 2 \"-\" \"Overcast/3.0\" \"bytes=0-1\""));
        var frontDoor = temp.File("frontdoor.json", EventBodies.FrontDoor);

        var run = await OdlRun.StartAsync(
            "stream", combined, frontDoor, "--agents", Agents, "--datacenters", Datacenters, "--storage",
            AzuriteStorage.ConnectionString, "--json");

        Assert.True(run.ExitCode == 0, run.Error);
        using var json = JsonDocument.Parse(run.Output);
        Assert.Equal(2, json.RootElement.GetProperty("total").GetInt64());
        Assert.Equal(4, json.RootElement.GetProperty("events").GetInt64());
    }

    [Fact]
    public async Task Stream_RawIpLogKept_PublishedTheDatacenterListAsTheRebuildJobDoes()
    {
        using var temp = new TempDirectory();
        var log = temp.File("sample.jsonl", SampleLog.JsonLines);

        var run = await OdlRun.StartAsync(
            "stream", log, "--agents", Agents, "--datacenters", Datacenters, "--salt", "s", "--keep", "--storage",
            AzuriteStorage.ConnectionString);

        Assert.True(run.ExitCode == 0, run.Error);
        var name = Regex.Match(run.Error, "datacenter list in container ([a-z0-9-]+)\\.").Groups[1].Value;
        var container = AzuriteStorage.Blobs().GetBlobContainerClient(name);
        try
        {
            var latest = await new DatacenterListPublisher(container, 1, NullLogger.Instance).ReadLatestAsync(
                CancellationToken.None);
            Assert.NotNull(latest);
            Assert.Matches("^[0-9]{4}/[0-9]{2}/[0-9]{2}/[0-9]{6}-[0-9a-f]{8}$", latest.Version);
            Assert.NotNull(latest.List);
            Assert.NotEmpty(latest.List.Ranges);
        }
        finally
        {
            await container.DeleteIfExistsAsync();
            await AzuriteStorage.Blobs().GetBlobContainerClient(name[..^3]).DeleteIfExistsAsync();
            await AzuriteStorage.Tables().DeleteTableAsync(name[..^3]);
        }
    }

    [Fact]
    public async Task Stream_StorageThatDoesNotAnswer_ExitsWithCode2AndSaysWhy()
    {
        var closedPort = $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={Key};"
            + $"BlobEndpoint=http://127.0.0.1:{LocalPorts.FindClosed()}/devstoreaccount1;"
            + $"TableEndpoint=http://127.0.0.1:{LocalPorts.FindClosed()}/devstoreaccount1;";

        var run = await OdlRun.StartAsync("stream", Demo, "--agents", Agents, "--storage", closedPort);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("odl: the storage at --storage failed", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stream_BadPartitions_ExitsWithCode2()
    {
        var run = await OdlRun.StartAsync("stream", Demo, "--partitions", "0");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("odl: --partitions is 0; expected 1 to 1024.\n", run.Error);
    }

    [Fact]
    public async Task Stream_CombinedLogWhoseFirstLineIsNotCombined_DeadLettersThatLineAndCountsTheRest()
    {
        using var temp = new TempDirectory();
        var combined = temp.File("access.log", string.Join('\n',
            "# a comment a log shipper left",
            "203.0.113.7 - - [20/Sep/2022:00:08:04 +0000] \"GET /ep1.mp3 HTTP/1.1\" 206 9 \"-\" \"Overcast/3.0\" \"bytes=0-\""));

        var run = await OdlRun.StartAsync(
            "stream", combined, "--agents", Agents, "--datacenters", Datacenters, "--storage",
            AzuriteStorage.ConnectionString, "--json");

        Assert.True(run.ExitCode == 0, run.Error);
        using var json = JsonDocument.Parse(run.Output);
        Assert.Equal(1, json.RootElement.GetProperty("total").GetInt64());
        Assert.Equal(1, json.RootElement.GetProperty("rejected").GetInt64());
    }

    [Fact]
    public async Task Stream_CsvWithMappedColumns_CountsAsOdlCountDoes()
    {
        using var temp = new TempDirectory();
        var csv = temp.File("events.csv", "ip,ua,url,method,startedAt\n"
            + "198.51.100.1,Overcast/3.0,/ep1.mp3,GET,2022-09-20T00:00:00Z\n"
            + "198.51.100.2,Overcast/3.0,/ep1.mp3,GET,2022-09-20T01:00:00Z\n");
        string[] options =
        [
            "--agents", Agents, "--datacenters", Datacenters, "--salt", "s", "--json",
            "--map", "startedAt:timestamp", "--map", "ua:user_agent",
        ];

        var run = await OdlRun.StartAsync(["stream", csv, .. options, "--storage", AzuriteStorage.ConnectionString]);
        var count = await OdlRun.StartAsync(["count", csv, .. options]);

        Assert.True(run.ExitCode == 0, run.Error);
        using var json = JsonDocument.Parse(run.Output);
        using var counted = JsonDocument.Parse(count.Output);
        AssertSameAsOdlCount(counted, json);
        Assert.Equal(2, json.RootElement.GetProperty("total").GetInt64());
    }

    [Theory]
    [InlineData("garbage")] // not key=value pairs
    [InlineData("DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=not*base64;BlobEndpoint=http://127.0.0.1:1/devstoreaccount1;TableEndpoint=http://127.0.0.1:1/devstoreaccount1;")] // a key that is not Base64
    public async Task Stream_BadConnectionString_ExitsWithCode2WithoutEchoingIt(string connection)
    {
        var run = await OdlRun.StartAsync("stream", Demo, "--agents", Agents, "--storage", connection);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("odl: --storage is not a storage connection string", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("not*base64", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stream_WrongAccountKey_SaysTheStorageRefusedIt()
    {
        // UseDevelopmentStorage=true (as .ci/run sets) stands for Azurite's default ports with the well-known key.
        var connection = AzuriteStorage.ConnectionString.Contains("UseDevelopmentStorage", StringComparison.Ordinal)
            ? $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={Key};"
                + "BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;TableEndpoint=http://127.0.0.1:10002/devstoreaccount1;"
            : AzuriteStorage.ConnectionString;
        var wrongKey = connection.Replace(Key, Convert.ToBase64String(new byte[64]), StringComparison.Ordinal);
        Assert.NotEqual(connection, wrongKey);

        var run = await OdlRun.StartAsync("stream", Demo, "--agents", Agents, "--storage", wrongKey);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("refused the request (403", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Is Azurite running", run.Error, StringComparison.Ordinal);
    }

    // odl count's summary, then the late requests and the days left open: none in a full replay that is on time.
    private static void AssertSameAsOdlCount(JsonDocument counted, JsonDocument streamed)
    {
        var names = streamed.RootElement.EnumerateObject().Select(p => p.Name).ToList();
        Assert.Equal([.. counted.RootElement.EnumerateObject().Select(p => p.Name), "late", "open_days"], names);
        foreach (var property in counted.RootElement.EnumerateObject())
        {
            Assert.Equal(property.Value.GetRawText(), streamed.RootElement.GetProperty(property.Name).GetRawText());
        }

        Assert.Equal(0, streamed.RootElement.GetProperty("late").GetInt64());
        Assert.Equal(0, streamed.RootElement.GetProperty("open_days").GetArrayLength());
    }

    [Theory]
    [InlineData("--offset", "86400")] // a whole day is no offset: refused, not a stack trace
    public async Task Stream_OffsetOutOfRange_ExitsWithCode2(string option, string value)
    {
        var run = await OdlRun.StartAsync("stream", Demo, "--agents", Agents, option, value);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("odl: --offset is 86400; expected -86399 to 86399 seconds (a window starts that long after 00:00 UTC).\n", run.Error);
    }
}
