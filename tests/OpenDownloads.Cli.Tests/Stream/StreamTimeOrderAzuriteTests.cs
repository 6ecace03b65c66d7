using System.Globalization;
using System.Text.Json;
using OpenDownloads.Tests.Streaming;
using OpenDownloads.Tests.TestData;

namespace OpenDownloads.Cli.Tests.Stream;

/// <summary>
/// <c>odl stream</c> on a log in time order, against Azurite: however it is cut into batches and partitions, no
/// request is late and the counts are <c>odl count</c>'s; a request that comes after its day closed is still late.
/// </summary>
[Collection(AzuriteSerial.Name)]
public sealed class StreamTimeOrderAzuriteTests
{
    private static readonly string Agents = SharedData.Path("opawg-v1", "user-agents.json");
    private static readonly string Datacenters = SharedData.Path("ipcat", "datacenters.csv");

    [Theory]
    [InlineData("1", "50")] // one partition, batches that span several days' closes
    [InlineData("4", "30")] // round-robin partitions whose batches overlap in time
    [InlineData("3", "1000")] // each partition's whole share in one batch
    public async Task Stream_SortedSparseWeek_CountsAsOdlCountWithNoLateRequest(string partitions, string batchSize)
    {
        using var temp = new TempDirectory();
        var log = temp.File("week.jsonl", SortedWeek(300));
        string[] common = ["--agents", Agents, "--datacenters", Datacenters, "--salt", "s", "--json"];

        var run = await OdlRun.StartAsync(
            ["stream", log, .. common, "--partitions", partitions, "--batch-size", batchSize,
                "--storage", AzuriteStorage.ConnectionString]);
        var count = await OdlRun.StartAsync(["count", log, .. common]);

        Assert.True(run.ExitCode == 0, run.Error);
        using var streamed = JsonDocument.Parse(run.Output);
        using var counted = JsonDocument.Parse(count.Output);
        Assert.Equal(0, streamed.RootElement.GetProperty("late").GetInt64());
        foreach (var property in counted.RootElement.EnumerateObject())
        {
            Assert.Equal(property.Value.GetRawText(), streamed.RootElement.GetProperty(property.Name).GetRawText());
        }
    }

    [Fact]
    public async Task Stream_SortedWeekThenARequestOfTheFirstDay_OnlyThatRequestIsLate()
    {
        using var temp = new TempDirectory();
        var lines = SortedWeek(120).Split('\n').Append(Event(250, new DateTime(2022, 9, 20, 23, 0, 0)));
        var log = temp.File("week.jsonl", string.Join('\n', lines));

        var run = await OdlRun.StartAsync(
            "stream", log, "--agents", Agents, "--datacenters", Datacenters, "--salt", "s", "--json",
            "--partitions", "4", "--batch-size", "100", "--storage", AzuriteStorage.ConnectionString);

        Assert.True(run.ExitCode == 0, run.Error);
        using var streamed = JsonDocument.Parse(run.Output);
        Assert.Equal(1, streamed.RootElement.GetProperty("late").GetInt64());
        Assert.Equal(120, streamed.RootElement.GetProperty("events").GetInt64());
    }

    [Fact]
    public async Task Stream_Kept_FinalTotalsWereUpdatedAtTheLastDaysRealCloseTime()
    {
        using var temp = new TempDirectory();
        var log = temp.File("week.jsonl", SortedWeek(20));

        var run = await OdlRun.StartAsync(
            "stream", log, "--agents", Agents, "--datacenters", Datacenters, "--salt", "s", "--keep",
            "--storage", AzuriteStorage.ConnectionString);

        Assert.True(run.ExitCode == 0, run.Error);
        var name = System.Text.RegularExpressions.Regex.Match(run.Error, "dead letters in container ([a-z0-9]+);")
            .Groups[1].Value;
        var container = AzuriteStorage.Blobs().GetBlobContainerClient(name);
        try
        {
            // The log's last request is on 2022-09-26; that day closes at 02:00 the next day, plus the 10-minute grace.
            var totals = await container.GetBlobClient("totals/2022/09/26.json").DownloadContentAsync();
            using var json = JsonDocument.Parse(totals.Value.Content.ToString());
            Assert.True(json.RootElement.GetProperty("final").GetBoolean());
            Assert.StartsWith("2022-09-27T02:10:00", json.RootElement.GetProperty("updated_at").GetString(),
                StringComparison.Ordinal);
        }
        finally
        {
            await container.DeleteIfExistsAsync();
            await AzuriteStorage.Blobs().GetBlobContainerClient(name + "-dc").DeleteIfExistsAsync();
            await AzuriteStorage.Tables().DeleteTableAsync(name);
        }
    }

    // Requests every 84 minutes or so from a handful of listeners, so each day has a few and the days' closes
    // (02:00 the next day) fall between requests.
    private static string SortedWeek(int requests)
    {
        var start = new DateTime(2022, 9, 20, 0, 5, 0, DateTimeKind.Utc);
        var step = TimeSpan.FromDays(7) / requests;
        return string.Join('\n', Enumerable.Range(0, requests).Select(i => Event(i % 13, start + (step * i))));
    }

    private static string Event(int listener, DateTime time) => string.Create(
        CultureInfo.InvariantCulture,
        $"{{\"ip\":\"198.51.100.{listener + 1}\",\"user_agent\":\"Overcast/3.0\","
        + $"\"timestamp\":\"{time:yyyy-MM-ddTHH:mm:ssZ}\",\"url\":\"/ep{listener % 3}.mp3\",\"method\":\"GET\"}}");
}
