using FsCheck;
using FsCheck.Fluent;
using OpenDownloads.Tests.TestData;

namespace OpenDownloads.Cli.Tests.Count;

public sealed class CountCommandSplitTests
{
    private static readonly string Agents = SharedData.Path("opawg-v1", "user-agents.json");
    private static readonly string Datacenters = SharedData.Path("ipcat", "datacenters.csv");
    private static readonly string[] Lines = SampleLog.JsonLines.TrimEnd('\n').Split('\n');

    [Fact]
    public void Count_AnySplitIntoFilesInAnyOrder_GivesTheSameSummary()
    {
        using var temp = new TempDirectory();
        var whole = temp.File("whole.jsonl", SampleLog.JsonLines);
        var expected = Summary([whole]);

        // Each line goes to one of up to five files; the files are named in a random order on the command line.
        var splits = Gen.Choose(0, 4).ArrayOf(Lines.Length).Zip(Gen.Shuffle(Enumerable.Range(0, 5).ToArray()));
        Prop.ForAll(splits.ToArbitrary(), split =>
        {
            var (fileOfLine, fileOrder) = split;
            var files = fileOrder
                .Select(file => temp.File(
                    $"part-{Guid.NewGuid():N}.jsonl",
                    string.Join('\n', Lines.Where((_, line) => fileOfLine[line] == file))))
                .ToArray();
            return Summary(files) == expected;
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(15));
    }

    private static string Summary(string[] files)
    {
        string[] options = ["--agents", Agents, "--datacenters", Datacenters, "--salt", "s", "--json"];
        var run = OdlRun.StartAsync(["count", .. files, .. options]).GetAwaiter().GetResult();
        Assert.Equal(0, run.ExitCode);
        return run.Output;
    }
}
