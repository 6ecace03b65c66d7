using System.Text.RegularExpressions;
using OpenDownloads.Agents;

namespace OpenDownloads.Tests.Agents;

public sealed class AgentClassifierTests
{
    private const string TwoApps = """
        [
          { "user_agents": ["^Podcasts/"], "app": "First", "device": "phone", "os": "ios" },
          { "user_agents": ["okhttp", "Podcasts/"], "app": "Second", "bot": true },
          { "user_agents": ["^Lavf/"] }
        ]
        """;

    [Fact]
    public void Classify_TwoEntriesMatch_FirstEntryInFileWins()
    {
        var sut = Load(TwoApps);

        var player = sut.Classify("Podcasts/1.0");

        Assert.Equal(new PlayerInfo("First", "phone", "ios", false), player);
    }

    [Fact]
    public void Classify_PatternInMiddleOfAgent_MatchesAnywhereLikeReSearch()
    {
        var sut = Load(TwoApps);

        var player = sut.Classify("MyApp okhttp/4.9.1");

        Assert.Equal("Second", player.App);
    }

    [Fact]
    public void Classify_EntryWithoutAttributes_DefaultsToUnknownAndNotBot()
    {
        var sut = Load(TwoApps);

        var player = sut.Classify("Lavf/58.76.100");

        Assert.Equal(new PlayerInfo("Unknown", "Unknown", "Unknown", false), player);
    }

    [Fact]
    public void Classify_NoEntryMatches_ReturnsUnknownNotBot()
    {
        var sut = Load(TwoApps);

        var player = sut.Classify("curl/8.0");

        Assert.Equal(new PlayerInfo("Unknown", "Unknown", "Unknown", false), player);
    }

    public static TheoryData<string?> BlankAgents => new()
    {
        null, // a missing header becomes "" in oDL
        "", // an empty header
        "   ", // spaces only
        "\t\r\n", // other ASCII whitespace
        "\u00A0\u3000", // Unicode spaces, which Python's \s also takes
        "\u001C", // an information separator: Python's \s takes it, char.IsWhiteSpace does not
    };

    [Theory]
    [MemberData(nameof(BlankAgents))]
    public void Classify_BlankAgent_IsBot(string? userAgent)
    {
        var sut = Load(TwoApps);

        var player = sut.Classify(userAgent);

        Assert.True(player.IsBot);
    }

    [Fact]
    public void Classify_BlankAgentMatchedByEntry_EntryWinsOverBlankRule()
    {
        var sut = Load("""[{ "user_agents": ["^$"], "app": "Silent" }]""");

        var player = sut.Classify("");

        Assert.Equal(new PlayerInfo("Silent", "Unknown", "Unknown", false), player);
    }

    [Fact]
    public void Classify_MoreDistinctAgentsThanCacheHolds_StillAnswersEachCorrectly()
    {
        var sut = new AgentClassifier(AgentListReader.Read(AgentListJson.ToStream(TwoApps), "inline"), 2);

        string[] agents = ["Podcasts/1", "okhttp/1", "Lavf/1", "curl/1", "Podcasts/1", "okhttp/1"];

        var apps = agents.Select(userAgent => sut.Classify(userAgent).App).ToList();

        Assert.Equal(["First", "Second", "Unknown", "Unknown", "First", "Second"], apps);
    }

    [Fact]
    public void Classify_PatternTimesOut_TreatsItAsNoMatchAndTriesTheNext()
    {
        var backtracking = new Regex("^(a|aa)+$", RegexOptions.None, TimeSpan.FromMilliseconds(1));
        var entries = new[]
        {
            new AgentEntry(0, new PlayerInfo("Slow", "Unknown", "Unknown", false), [backtracking]),
            new AgentEntry(1, new PlayerInfo("Next", "Unknown", "Unknown", false), [new Regex("a")]),
        };
        var sut = new AgentClassifier(entries, AgentClassifier.DefaultCacheCapacity);

        var player = sut.Classify(new string('a', 60) + "b");

        Assert.Equal("Next", player.App);
    }

    [Fact]
    public void PatternCount_ThreeEntries_CountsEveryPattern()
    {
        var sut = Load(TwoApps);

        Assert.Equal(4, sut.PatternCount);
    }

    private static AgentClassifier Load(string json)
    {
        using var stream = AgentListJson.ToStream(json);
        return AgentClassifier.Load(stream, "inline");
    }
}
