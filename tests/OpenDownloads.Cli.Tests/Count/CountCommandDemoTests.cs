using System.Text.Json;
using OpenDownloads.Tests.TestData;

namespace OpenDownloads.Cli.Tests.Count;

/// <summary>oDL's own demo file counted by odl: the numbers oDL's reference pipeline gives on it.</summary>
public sealed class CountCommandDemoTests
{
    private static readonly string Demo = SharedData.Path("odl", "demo.odl.avro");
    private static readonly string Agents = SharedData.Path("opawg-v1", "user-agents.json");

    [Fact]
    public async Task Count_DemoFile_Reports270DownloadsAnd10Bots()
    {
        var run = await OdlRun.StartAsync("count", Demo, "--agents", Agents, "--json");

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Output);
        Assert.Equal(270, json.RootElement.GetProperty("total").GetInt64());
        Assert.Equal(10, json.RootElement.GetProperty("bots").GetInt64());
        Assert.Equal(606, json.RootElement.GetProperty("events").GetInt64());
        Assert.Equal(0, json.RootElement.GetProperty("rejected").GetInt64());
        Assert.Equal(0, json.RootElement.GetProperty("denied_ip").GetInt64());
    }

    [Fact]
    public async Task Count_DemoFile_AppsMatchOdl()
    {
        var run = await OdlRun.StartAsync("count", Demo, "--agents", Agents, "--json");

        using var json = JsonDocument.Parse(run.Output);
        var apps = json.RootElement.GetProperty("by_app").EnumerateObject()
            .Select(p => $"{p.Name} {p.Value.GetInt64()}")
            .ToList();
        string[] expected =
        [
            "Google Chrome 142", "Apple Podcasts 60", "Firefox 18", "Edge 17", "PodcastAddict 7", "Opera 6",
            "Goodpods 5", "Unknown.android 4", "Overcast 3", "Alexa-enabled device 2", "Fountain 2",
            "Pocket Casts 1", "Spotify 1", "Unknown.Unknown 1", "phone.ios 1",
        ];
        Assert.Equal(expected, apps);
    }

    [Fact]
    public async Task Count_DemoFileWithOneHourOffset_Reports272()
    {
        var run = await OdlRun.StartAsync("count", Demo, "--agents", Agents, "--offset", "3600", "--json");

        using var json = JsonDocument.Parse(run.Output);
        Assert.Equal(272, json.RootElement.GetProperty("total").GetInt64());
    }

    [Fact]
    public async Task Count_Json_HasExactlyTheDocumentedKeys()
    {
        var run = await OdlRun.StartAsync("count", Demo, "--agents", Agents, "--json");

        using var json = JsonDocument.Parse(run.Output);
        string[] keys = ["events", "denied_ip", "bots", "rejected", "total", "by_episode", "by_app", "by_hour"];
        Assert.Equal(keys, json.RootElement.EnumerateObject().Select(p => p.Name));
        var hours = json.RootElement.GetProperty("by_hour").EnumerateObject().ToList();
        Assert.Equal("2022-09-20T00:00:00Z", hours[0].Name);
        Assert.Equal(270, hours.Sum(h => h.Value.GetInt64()));
        Assert.Equal(270, json.RootElement.GetProperty("by_episode").EnumerateObject().Sum(e => e.Value.GetInt64()));
    }

    [Fact]
    public async Task Count_Text_SummarisesTotalsAndDrops()
    {
        var run = await OdlRun.StartAsync("count", Demo, "--agents", Agents);

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("Downloads: 270\nEvents read: 606\n", run.Output, StringComparison.Ordinal);
        Assert.Contains("dropped, bot user agent: 10", run.Output, StringComparison.Ordinal);
        Assert.Contains("142  Google Chrome", run.Output, StringComparison.Ordinal);
    }
}
