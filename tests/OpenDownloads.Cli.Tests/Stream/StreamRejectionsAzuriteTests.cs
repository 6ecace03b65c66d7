using System.Text.Json;
using OpenDownloads.Tests.Streaming;
using OpenDownloads.Tests.Streaming.Input;
using OpenDownloads.Tests.TestData;

namespace OpenDownloads.Cli.Tests.Stream;

/// <summary>
/// What <c>odl stream</c> does with what it cannot count, against Azurite: a file it cannot read is one rejection
/// and the run goes on, a record the file reader cannot read is dead-lettered with the reader's reason, and the dead
/// letters are printed and kept as <c>odl count</c> prints and keeps its rejections.
/// </summary>
[Collection(AzuriteSerial.Name)]
public sealed class StreamRejectionsAzuriteTests
{
    private static readonly string Agents = SharedData.Path("opawg-v1", "user-agents.json");
    private static readonly string Datacenters = SharedData.Path("ipcat", "datacenters.csv");

    private static readonly string Good =
        "{\"ip\":\"198.51.100.1\",\"user_agent\":\"Overcast/3.0\",\"timestamp\":\"2022-09-20T10:00:00Z\","
        + "\"url\":\"/ep1.mp3\",\"method\":\"GET\"}";

    [Fact]
    public async Task Stream_AvroFileThatIsNotAvro_IsOneRejectionAndTheNextFileCounts()
    {
        using var temp = new TempDirectory();
        var bad = temp.Combine("bad.avro");
        await File.WriteAllBytesAsync(bad, "Obj\u0001garbage"u8.ToArray());
        var good = temp.File("good.jsonl", Good);

        var run = await StreamAsync(bad, good, "--json");

        Assert.True(run.ExitCode == 0, run.Error);
        using var json = JsonDocument.Parse(run.Output);
        Assert.Equal(1, json.RootElement.GetProperty("total").GetInt64());
        Assert.Equal(1, json.RootElement.GetProperty("rejected").GetInt64());
        Assert.Contains($"odl: rejected {bad} record 0: The Avro file '{bad}'", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stream_CsvRowWithTooFewFields_DeadLetterKeepsTheReadersReasonInRejectedFile()
    {
        using var temp = new TempDirectory();
        var csv = temp.File("log.csv", "ip,user_agent,timestamp,url\n198.51.100.1\n");
        var rejected = temp.Combine("rejected.jsonl");

        var run = await StreamAsync(csv, "--rejected", rejected);

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains($"odl: rejected {csv}:2: The row has 1 fields; the header has 4.\n", run.Error,
            StringComparison.Ordinal);
        using var letter = JsonDocument.Parse(Assert.Single(await File.ReadAllLinesAsync(rejected)));
        Assert.Equal(csv, letter.RootElement.GetProperty("source").GetString());
        Assert.Equal(2, letter.RootElement.GetProperty("line").GetInt64());
        Assert.Equal("The row has 1 fields; the header has 4.", letter.RootElement.GetProperty("reason").GetString());
        Assert.Equal("rejected", letter.RootElement.GetProperty("kind").GetString());
    }

    [Fact]
    public async Task Stream_RequestAfterItsDayClosed_IsPrintedAndKeptAsLate()
    {
        using var temp = new TempDirectory();
        var log = temp.File("late.jsonl", string.Join('\n',
            Good,
            Good.Replace("2022-09-20T10", "2022-09-21T03", StringComparison.Ordinal),
            Good.Replace("2022-09-20T10", "2022-09-20T23", StringComparison.Ordinal)));
        var rejected = temp.Combine("rejected.jsonl");

        var run = await StreamAsync(log, "--rejected", rejected);

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains($"odl: late {log}:3: The request's day 2022-09-20", run.Error, StringComparison.Ordinal);
        using var letter = JsonDocument.Parse(Assert.Single(await File.ReadAllLinesAsync(rejected)));
        Assert.Equal("late", letter.RootElement.GetProperty("kind").GetString());
    }

    [Fact]
    public async Task Stream_BadRequestAfterItsDayClosed_IsRejectedNotLate()
    {
        using var temp = new TempDirectory();
        var log = temp.File("late.jsonl", string.Join('\n',
            Good,
            Good.Replace("2022-09-20T10", "2022-09-21T03", StringComparison.Ordinal),
            Good.Replace("2022-09-20T10", "2022-09-20T23", StringComparison.Ordinal)
                .Replace("198.51.100.1", "999.1.1.1", StringComparison.Ordinal)));

        var run = await StreamAsync(log, "--json");

        Assert.True(run.ExitCode == 0, run.Error);
        using var json = JsonDocument.Parse(run.Output);
        Assert.Equal(0, json.RootElement.GetProperty("late").GetInt64());
        Assert.Equal(1, json.RootElement.GetProperty("rejected").GetInt64());
        Assert.Contains($"odl: rejected {log}:3: The ip '999.1.1.1' is not", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("shapes.jsonl", "[1,2]\n[{0}]\n{{\"rows\":[]}}\n{{\"records\":[]}}\n")] // one event a line, as count
    [InlineData("log.csv", "foo,bar\n1,2\n3,4\n")] // a header naming no oDL field: the file is one rejection
    [InlineData("access.log", "198.51.100.1 - - [20/Sep/2022:00:08:03 +0000] \"GET /ep1.mp3 HTTP/1.1\" 200 2 \"-\" "
        + "\"Overcast/3.0\"\n", "--format", "jsonlines")] // a named format is read as that format
    public async Task Stream_ShapesOdlCountReadsItsOwnWay_CountsAsOdlCount(
        string name,
        string content,
        params string[] options)
    {
        using var temp = new TempDirectory();
        var log = temp.File(name, string.Format(System.Globalization.CultureInfo.InvariantCulture, content, Good));
        string[] common = [.. options, "--agents", Agents, "--datacenters", Datacenters, "--salt", "s", "--json"];

        var run = await StreamAsync([log, .. options, "--json"]);
        var count = await OdlRun.StartAsync(["count", log, .. common]);

        Assert.True(run.ExitCode == 0, run.Error);
        using var streamed = JsonDocument.Parse(run.Output);
        using var counted = JsonDocument.Parse(count.Output);
        foreach (var property in counted.RootElement.EnumerateObject())
        {
            Assert.Equal(property.Value.GetRawText(), streamed.RootElement.GetProperty(property.Name).GetRawText());
        }
    }

    [Fact]
    public async Task Stream_CombinedLineWhoseRangeIsNoByteRange_IsRejectedAsAnOdlEventIs()
    {
        using var temp = new TempDirectory();
        var log = temp.File("access.log", "198.51.100.1 - - [20/Sep/2022:00:08:03 +0000] \"GET /ep1.mp3 HTTP/1.1\" "
            + "206 2 \"-\" \"Overcast/3.0\" \"garbage\"\n");

        var run = await StreamAsync(log, "--json");

        Assert.True(run.ExitCode == 0, run.Error);
        using var json = JsonDocument.Parse(run.Output);
        Assert.Equal(1, json.RootElement.GetProperty("rejected").GetInt64());
        Assert.Contains($"odl: rejected {log}:1: The range 'garbage' has no bytes=START-END", run.Error,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stream_CaptureFileWithAnEmptyEnvelope_WarnsNamingTheLine()
    {
        using var temp = new TempDirectory();
        var envelope = EventBodies.FrontDoor.ReplaceLineEndings(" ");
        var log = temp.File("capture.jsonl", "{\"records\": []}\n" + envelope + "\n");

        var run = await StreamAsync(log, "--json");

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains($"odl: warning: {log}:1 is an Azure Monitor envelope with an empty records array", run.Error,
            StringComparison.Ordinal);
        using var json = JsonDocument.Parse(run.Output);
        Assert.Equal(1, json.RootElement.GetProperty("total").GetInt64());
    }

    [Theory]
    [InlineData("--seed", "x", "odl: Cannot parse argument 'x' for option '--seed'; expected a whole number.\n")]
    [InlineData("--format", "foo",
        "odl: Cannot parse argument 'foo' for option '--format'; expected one of avro, jsonlines, json, csv, tsv, "
        + "combined, azuremonitor.\n")]
    [InlineData("--redeliver", "NaN", "odl: --redeliver is NaN; expected a fraction from 0 to 1.\n")]
    [InlineData("--bogus", null, "odl: '--bogus' is not an option of odl stream; run 'odl stream --help'")]
    public async Task Stream_BadOption_SaysWhatWasExpectedInWords(string option, string? value, string expected)
    {
        using var temp = new TempDirectory();
        var log = temp.File("one.jsonl", Good);

        var run = await OdlRun.StartAsync(["stream", log, option, .. value is null ? [] : new[] { value }]);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith(expected, run.Error, StringComparison.Ordinal);
    }

    private static Task<OdlRun> StreamAsync(params string[] arguments) => OdlRun.StartAsync(
        ["stream", .. arguments, "--agents", Agents, "--datacenters", Datacenters, "--salt", "s",
            "--storage", AzuriteStorage.ConnectionString]);
}
