using System.Text.RegularExpressions;
using OpenDownloads.Agents;
using OpenDownloads.Benchmarks.Generation;
using OpenDownloads.Tests.TestData;

namespace OpenDownloads.Tests.Agents;

public sealed class RequiredTextTests
{
    private const RegexOptions ListOptions = RegexOptions.CultureInvariant | RegexOptions.Compiled;

    public static TheoryData<string, string?, bool> Patterns => new()
    {
        { "^Overcast/", "Overcast/", true }, // an anchored product name
        { "AdsBot-Google", "AdsBot-Google", false }, // found anywhere
        { "^AlexaMediaPlayer/1\\.", "AlexaMediaPlayer/1.", true }, // an escaped dot is a dot
        { "^Acast.+[Aa]ndroid", "Acast", true }, // stops at the first metacharacter
        { "^Cast(?:b|B)ox", "Cast", true }, // and at a group
        { "^Podcasts?/", "Podcast", true }, // an optional character is not required
        { "^ab*c", "a", true }, // nor is one repeated zero or more times
        { "^ab{0,2}c", "a", true }, // or by a counted quantifier
        { "^ab+c", "ab", true }, // one or more keeps it, then ends the literal
        { "iPhone|iPad", null, false }, // an alternation outside a group: neither side is required
        { "(Linux).* CrKey/", null, false }, // a leading group: nothing told
        { "\\d+ Podcast", null, false }, // a class escape is no literal
        { ".*PodLP/", null, false }, // nor is a leading wildcard
    };

    [Theory]
    [MemberData(nameof(Patterns))]
    public void Of_Pattern_FindsTheRequiredLiteral(string pattern, string? text, bool atStart)
    {
        var required = RequiredText.Of(new Regex(pattern, ListOptions));

        Assert.Equal(text, required?.Text);
        Assert.Equal(text is not null && atStart, required?.AtStart ?? false);
    }

    [Fact]
    public void Of_IgnoreCase_FindsNothing()
    {
        var required = RequiredText.Of(new Regex("^Overcast/", ListOptions | RegexOptions.IgnoreCase));

        Assert.Null(required);
    }

    [Fact]
    public void CanMatch_OpawgPatternsOnOpawgExamples_NeverRulesOutAMatch()
    {
        using var list = File.OpenRead(SharedData.Path("opawg-v1", "user-agents.json"));
        var patterns = AgentClassifier.Load(list, "user-agents.json").Entries.SelectMany(e => e.Patterns).ToList();
        var agents = UserAgentPool.Load(SharedData.Path("opawg-v2"), variantsPerExample: 0);

        var missed = (
            from pattern in patterns
            let required = RequiredText.Of(pattern)
            where required is not null
            from agent in agents
            where !required.Value.CanMatch(agent) && pattern.IsMatch(agent)
            select $"{pattern} / {agent}").ToList();

        Assert.Empty(missed);
    }
}
