using System.Text.Json;
using OpenDownloads.Tests.TestData;

namespace OpenDownloads.Cli.Tests.Count;

public sealed class CountCommandOutputTests : IDisposable
{
    private static readonly string Demo = SharedData.Path("odl", "demo.odl.avro");
    private static readonly string Agents = SharedData.Path("opawg-v1", "user-agents.json");
    private static readonly string Datacenters = SharedData.Path("ipcat", "datacenters.csv");

    private readonly TempDirectory _temp = new();

    [Fact]
    public async Task Count_Out_WritesOdlLayout()
    {
        var outDir = _temp.Combine("out");

        var run = await OdlRun.StartAsync("count", Demo, "--agents", Agents, "--out", outDir);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("270\n", File.ReadAllText(Path.Combine(outDir, "count.txt")));
        var downloads = File.ReadAllLines(Path.Combine(outDir, "downloads.csv"));
        Assert.Equal(270, downloads.Length);
        Assert.All(downloads, row => Assert.Equal(9, CsvFields(row).Length));
        const string QuotedChrome = "\"Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko)";
        Assert.Contains(QuotedChrome, downloads[0], StringComparison.Ordinal);
        Assert.Equal("Google Chrome,142", File.ReadLines(Path.Combine(outDir, "apps.csv")).First());
        var firstHour = File.ReadLines(Path.Combine(outDir, "hourly.csv")).First();
        Assert.StartsWith("2022-09-20T00:00:00+00:00,", firstHour, StringComparison.Ordinal);
        var hourFiles = Directory.GetFiles(outDir, "downloads-*.csv");
        Assert.Equal(270, hourFiles.Sum(f => File.ReadAllLines(f).Length));
        Assert.Equal(File.ReadLines(Path.Combine(outDir, "hourly.csv")).Count(), hourFiles.Length);
        Assert.Equal(string.Empty, File.ReadAllText(Path.Combine(outDir, "rejected.jsonl")));
    }

    [Fact]
    public async Task Count_SameInputAndSalt_WritesIdenticalFiles()
    {
        var log = _temp.File("requests.jsonl", SampleLog.JsonLines);
        var first = _temp.Combine("first");
        var second = _temp.Combine("second");

        await OdlRun.StartAsync("count", log, "--agents", Agents, "--datacenters", Datacenters, "--salt", "s", "--out", first);
        await OdlRun.StartAsync("count", log, "--agents", Agents, "--datacenters", Datacenters, "--salt", "s", "--out", second);

        var names = Directory.GetFiles(first).Select(Path.GetFileName).Order().ToList();
        Assert.Equal(names, Directory.GetFiles(second).Select(Path.GetFileName).Order());
        Assert.All(names, name => Assert.Equal(
            File.ReadAllBytes(Path.Combine(first, name!)),
            File.ReadAllBytes(Path.Combine(second, name!))));
    }

    [Fact]
    public async Task Count_RawIpLog_DropsDatacentersBotsAndProbes()
    {
        var log = _temp.File("requests.jsonl", SampleLog.JsonLines);

        var run = await OdlRun.StartAsync("count", log, "--agents", Agents, "--datacenters", Datacenters, "--json");

        using var json = JsonDocument.Parse(run.Output);
        var root = json.RootElement;
        Assert.Equal(SampleLog.Events, root.GetProperty("events").GetInt64());
        Assert.Equal(SampleLog.DeniedIp, root.GetProperty("denied_ip").GetInt64());
        Assert.Equal(SampleLog.Bots, root.GetProperty("bots").GetInt64());
        Assert.Equal(SampleLog.Rejected, root.GetProperty("rejected").GetInt64());
        Assert.Equal(SampleLog.Downloads, root.GetProperty("total").GetInt64());
    }

    [Fact]
    public async Task Count_BadLines_AreRejectedWithFileAndLineAndKept()
    {
        var log = _temp.File("requests.jsonl", SampleLog.JsonLines);
        var outDir = _temp.Combine("out");

        var run = await OdlRun.StartAsync(
            "count", log, "--agents", Agents, "--datacenters", Datacenters, "--out", outDir);

        Assert.Equal(0, run.ExitCode);
        var expected = $"odl: rejected {log}:{SampleLog.BrokenJsonLine}: The record is not valid JSON";
        Assert.Contains(expected, run.Error, StringComparison.Ordinal);
        var rejected = File.ReadAllLines(Path.Combine(outDir, "rejected.jsonl"));
        Assert.Equal(SampleLog.Rejected, rejected.Length);
        using var first = JsonDocument.Parse(rejected[0]);
        Assert.Equal(log, first.RootElement.GetProperty("source").GetString());
        Assert.True(first.RootElement.GetProperty("line").GetInt64() > 0);
        Assert.DoesNotContain("9.9.9.9", string.Join('\n', rejected), StringComparison.Ordinal); // no raw IPs kept
    }

    [Fact]
    public async Task Count_SameEventsSplitAcrossFilesAndFormats_GivesSameResult()
    {
        var whole = _temp.File("whole.jsonl", SampleLog.JsonLines);
        var lines = SampleLog.JsonLines.Split('\n');
        var firstHalf = _temp.File("a.jsonl", string.Join('\n', lines[..(lines.Length / 2)]));
        var secondHalf = _temp.File("b.json.gz", "");
        SampleLog.WriteGzip(secondHalf, string.Join('\n', lines[(lines.Length / 2)..]));

        string[] options = ["--agents", Agents, "--datacenters", Datacenters, "--salt", "s", "--json"];

        var one = await OdlRun.StartAsync(["count", whole, .. options]);
        var two = await OdlRun.StartAsync(["count", secondHalf, firstHalf, .. options]);

        Assert.Equal(one.Output, two.Output);
    }

    public void Dispose() => _temp.Dispose();

    private static string[] CsvFields(string row)
    {
        using var parser = new Microsoft.VisualBasic.FileIO.TextFieldParser(new StringReader(row));
        parser.SetDelimiters(",");
        parser.HasFieldsEnclosedInQuotes = true;
        return parser.ReadFields()!;
    }

    [Fact]
    public async Task Count_OutDirectoryOfAnEarlierCount_RemovesItsStaleFilesOnly()
    {
        var outDir = _temp.Combine("out");
        await OdlRun.StartAsync("count", Demo, "--agents", Agents, "--out", outDir);
        File.WriteAllText(Path.Combine(outDir, "notes.txt"), "mine");
        var log = _temp.File("requests.jsonl", SampleLog.JsonLines);

        await OdlRun.StartAsync("count", log, "--agents", Agents, "--datacenters", Datacenters, "--out", outDir);

        var hourFiles = Directory.GetFiles(outDir, "downloads-*.csv");
        Assert.Equal(SampleLog.Downloads, hourFiles.Sum(f => File.ReadAllLines(f).Length));
        Assert.Equal("mine", File.ReadAllText(Path.Combine(outDir, "notes.txt")));
    }
}
