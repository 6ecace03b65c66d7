using System.Text.Json;
using OpenDownloads.Agents;
using OpenDownloads.Tests.TestData;

namespace OpenDownloads.Tests.Agents;

/// <summary>Checks the classifier against the real OPAWG v1 list oDL ships, read from the shared folder.</summary>
public sealed class AgentClassifierOpawgV1Tests
{
    private static readonly string ListPath = SharedData.Path("opawg-v1", "user-agents.json");

    public static TheoryData<string, string, bool> KnownAgents => new()
    {
        { "gvfs/1.46.1", "Unknown.Unknown", true }, // listed under Rhythmbox, but the bot entry ^gvfs comes first
        { "AirableBot-Podcast/1.0", "Airable", false }, // listed under a bot entry, but the app Airable comes first
        { "-", "Unknown.Unknown", false }, // nginx's placeholder is not blank, so it is counted
        { "", "Unknown.Unknown", true }, // oDL's final rule: an empty user agent is a bot
        { "   ", "Unknown.Unknown", true }, // and so is whitespace only
        { "atc/1.0 watchOS/7.0", "Apple Podcasts", true }, // watch downloads duplicate the phone's
        { "AppleCoreMedia/1.0.0.15G77 (iPhone; U; CPU OS 11_4_1 like Mac OS X; en_us)", "phone.ios", false },
        { "okhttp/4.9.1", "Unknown.Unknown", false }, // a library entry with no attributes
        { "Dalvik/2.1.0 (Linux; U; Android 11)", "Unknown.android", false }, // a library entry with an OS only
        {
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
            + "Chrome/77.0.3865.120 Safari/537.36",
            "Google Chrome",
            false
        }, // the list's first Chrome on Windows example
    };

    [Theory]
    [MemberData(nameof(KnownAgents))]
    public void Classify_KnownAgent_MatchesOdl(string userAgent, string displayApp, bool isBot)
    {
        var sut = LoadList();

        var player = sut.Classify(userAgent);

        Assert.Equal((displayApp, isBot), (player.DisplayApp, player.IsBot));
    }

    [Fact]
    public void Load_V1List_ReadsEveryEntryAndPattern()
    {
        var sut = LoadList();

        Assert.Equal((361, 424), (sut.Entries.Count, sut.PatternCount));
    }

    [Fact]
    public void FindEntry_Gvfs_IsTheBotEntryBeforeRhythmbox()
    {
        var sut = LoadList();

        var entry = sut.FindEntry("gvfs/1.46.1");

        Assert.NotNull(entry);
        Assert.Equal("^gvfs", Assert.Single(entry.Patterns).ToString());
        Assert.True(entry.Index < ListedExamples().Single(example => example.UserAgent == "gvfs/1.46.1").EntryIndex);
    }

    [Fact]
    public void FindEntry_RadioNetExampleWithUnderscore_MatchesTheTranslatedPattern()
    {
        var sut = LoadList();

        var entry = sut.FindEntry("radio.de/5.10.5.3 (Linux; Android 13; de_DE) ExoPlayerLib/2.18.2");

        Assert.NotNull(entry);
        Assert.Equal("radio.net", entry.Player.App);
        Assert.Contains("(_|\\-)", Assert.Single(entry.Patterns).ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void IsMatch_EachExampleAgainstItsOwnEntry_FailsOnlyForTheNineUpstreamDataBugs()
    {
        var sut = LoadList();

        var unmatched = ListedExamples()
            .Where(example => !sut.Entries[example.EntryIndex].IsMatch(example.UserAgent))
            .Select(example => example.App)
            .Order(StringComparer.Ordinal);

        Assert.Equal(
            [
                "Audio Now", "Edge", "Google Podcasts", "Google Podcasts", "Google Podcasts", "SoundOn", "SoundOn",
                "The Podcast App", "TuneIn",
            ],
            unmatched);
    }

    [Fact]
    public void Classify_EveryExample_KeepsItsOwnEntrysBotStatusButForTwoPrecedenceCases()
    {
        var sut = LoadList();

        var changed = ListedExamples()
            .Where(example => sut.Classify(example.UserAgent).IsBot != sut.Entries[example.EntryIndex].Player.IsBot)
            .Select(example => example.UserAgent)
            .Order(StringComparer.Ordinal);

        Assert.Equal(["AirableBot-Podcast/1.0 (+https//www.airablenow.com)", "gvfs/1.46.1"], changed);
    }

    [Fact]
    public void FindEntry_EveryExample_FindsAnEntryButForSixUpstreamDataBugs()
    {
        var sut = LoadList();

        var examples = ListedExamples();
        var unmatched = examples.Where(example => sut.FindEntry(example.UserAgent) is null).Select(e => e.App);

        Assert.Equal(300, examples.Count);
        Assert.Equal(["Audio Now", "Edge", "Google Podcasts", "TuneIn", "SoundOn", "SoundOn"], unmatched);
    }

    private static AgentClassifier LoadList()
    {
        using var stream = File.OpenRead(ListPath);
        return AgentClassifier.Load(stream, ListPath);
    }

    // Read independently of the classifier, so a loader bug cannot hide examples from these tests.
    private static List<ListedExample> ListedExamples()
    {
        using var stream = File.OpenRead(ListPath);
        using var document = JsonDocument.Parse(stream);

        var examples = new List<ListedExample>();
        var index = 0;
        foreach (var entry in document.RootElement.EnumerateArray())
        {
            var app = entry.TryGetProperty("app", out var name) ? name.GetString()! : "(no app)";
            if (entry.TryGetProperty("examples", out var listed))
            {
                examples.AddRange(listed.EnumerateArray().Select(e => new ListedExample(index, app, e.GetString()!)));
            }

            index++;
        }

        return examples;
    }

    private sealed record ListedExample(int EntryIndex, string App, string UserAgent);
}
