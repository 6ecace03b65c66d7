using OpenDownloads.Tests.TestData;

namespace OpenDownloads.Cli.Tests.Count;

public sealed class CountCommandErrorTests : IDisposable
{
    private static readonly string Agents = SharedData.Path("opawg-v1", "user-agents.json");
    private static readonly string Datacenters = SharedData.Path("ipcat", "datacenters.csv");

    private readonly TempDirectory _temp = new();

    [Fact]
    public async Task Count_MissingLogFile_ExitsWith2NamingIt()
    {
        var missing = _temp.Combine("nope.jsonl");

        var run = await OdlRun.StartAsync("count", missing, "--agents", Agents);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"odl: the log file '{missing}' does not exist.\n", run.Error.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task Count_EmptySalt_ExitsWith2InsteadOfHashingWithARandomOne()
    {
        var log = _temp.File("requests.jsonl", SampleLog.JsonLines);

        var run = await OdlRun.StartAsync("count", log, "--agents", Agents, "--datacenters", Datacenters, "--salt", "");

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("odl: --salt is empty;", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Count_UnreadableAgentsFile_ExitsWith2()
    {
        var log = _temp.File("requests.jsonl", SampleLog.JsonLines);
        var agents = _temp.File("agents.json", "{ not a list");

        var run = await OdlRun.StartAsync("count", log, "--agents", agents, "--datacenters", Datacenters);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("odl: The OPAWG v1 user-agent list cannot be read:", run.Error, StringComparison.Ordinal);
        Assert.Contains(agents, run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Count_MissingDatacentersFile_ExitsWith2()
    {
        var log = _temp.File("requests.jsonl", SampleLog.JsonLines);
        var missing = _temp.Combine("dc.csv");

        var run = await OdlRun.StartAsync("count", log, "--agents", Agents, "--datacenters", missing);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"'{missing}' given with --datacenters does not exist", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Count_UnreachableReferenceUrl_SaysHowToSupplyTheFile()
    {
        var log = _temp.File("requests.jsonl", SampleLog.JsonLines);
        var closedPort = LocalPorts.FindClosed();

        var run = await OdlRun.StartAsync("count", log, "--agents", $"http://127.0.0.1:{closedPort}/user-agents.json");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("could not be downloaded", run.Error, StringComparison.Ordinal);
        Assert.Contains("pass it with --agents PATH", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Count_BadMapping_ExitsWith2()
    {
        var log = _temp.File("requests.jsonl", SampleLog.JsonLines);

        var run = await OdlRun.StartAsync("count", log, "--agents", Agents, "--map", "startedAt:when");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("'startedAt:when'", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Count_NotAnAvroFile_IsOneRejectionAndTheRunGoesOn()
    {
        var fake = _temp.File("broken.odl.avro", "this is not avro");
        var log = _temp.File("requests.jsonl", SampleLog.JsonLines);

        var run = await OdlRun.StartAsync("count", fake, log, "--agents", Agents, "--datacenters", Datacenters);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains($"odl: rejected {fake} record 0:", run.Error, StringComparison.Ordinal);
        Assert.Contains($"Downloads: {SampleLog.Downloads}", run.Output, StringComparison.Ordinal);
    }

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData("--offset", "abc")] // not a number
    [InlineData("--format", "xml")] // not a format
    [InlineData("--salt", "--json")] // a forgotten value must not swallow the next option
    [InlineData("--out", "--json")]
    public async Task Count_BadOptionValue_ExitsWith2(string option, string value)
    {
        var log = _temp.File("requests.jsonl", SampleLog.JsonLines);

        var run = await OdlRun.StartAsync("count", log, "--agents", Agents, option, value);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("odl: ", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Count_UnknownOption_ExitsWith2SayingSo()
    {
        var log = _temp.File("requests.jsonl", SampleLog.JsonLines);

        var run = await OdlRun.StartAsync("count", log, "--bogus", "--agents", Agents);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("'--bogus' is not an option of odl count", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Count_DirectoryAsLog_ExitsWith2SayingSo()
    {
        var run = await OdlRun.StartAsync("count", _temp.Path, "--agents", Agents);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("is a directory", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Count_OutIsAFile_ExitsWith2BeforeCounting()
    {
        var log = _temp.File("requests.jsonl", SampleLog.JsonLines);
        var file = _temp.File("taken.csv", "x");

        var run = await OdlRun.StartAsync("count", log, "--agents", Agents, "--datacenters", Datacenters, "--out", file);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("is a file", run.Error, StringComparison.Ordinal);
        Assert.Equal(string.Empty, run.Output);
    }

    [Fact]
    public async Task Count_OutputThatCannotBeWritten_ExitsWith2SayingTheFilesAreIncomplete()
    {
        var log = _temp.File("requests.jsonl", SampleLog.JsonLines);
        var outDirectory = _temp.Combine("out");
        Directory.CreateDirectory(Path.Combine(outDirectory, "hourly.csv")); // a folder where a file is to go

        var run = await OdlRun.StartAsync(
            "count", log, "--agents", Agents, "--datacenters", Datacenters, "--out", outDirectory);

        Assert.Equal(2, run.ExitCode);
        var expected = $"odl: the outputs could not all be written to '{outDirectory}'";
        Assert.Contains(expected, run.Error, StringComparison.Ordinal);
        Assert.Contains("incomplete", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Count_FileWithoutRecords_Warns()
    {
        var empty = _temp.File("empty.jsonl", "");

        var run = await OdlRun.StartAsync("count", empty, "--agents", Agents);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains($"odl: warning: '{empty}' has no records.", run.Error, StringComparison.Ordinal);
    }
}
