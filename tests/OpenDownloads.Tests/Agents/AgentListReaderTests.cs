using OpenDownloads.Agents;

namespace OpenDownloads.Tests.Agents;

public sealed class AgentListReaderTests
{
    public static TheoryData<string, string> BadLists => new()
    {
        { "not json", "is not valid JSON" }, // not JSON at all
        { """{ "entries": [] }""", "starts with a JSON Object; expected an array" }, // v2 layout, not v1
        { """[ "^atc/" ]""", "Entry 0 of the user-agent list 'list.json' is a JSON String; expected an object" },
        { """[ {}, { "app": "X" } ]""", "Entry 0 of the user-agent list 'list.json' has no 'user_agents' array" },
        { """[ { "user_agents": "^atc/" } ]""", "Entry 0 of the user-agent list 'list.json' has no 'user_agents'" },
        { """[ { "user_agents": [1] } ]""", "has a Number in 'user_agents'; expected only strings" },
        { """[ { "user_agents": ["a"], "app": 3 } ]""", "has a Number for 'app'; expected a string" },
        { """[ { "user_agents": ["a"], "bot": "yes" } ]""", "has a String for 'bot'; expected true or false" },
        { """[ {"user_agents": ["a"]}, {"user_agents": ["(?P<v>x)"]} ]""", "Entry 1 of the user-agent list" },
        { """[ { "user_agents": ["(unclosed"] } ]""", "has the pattern '(unclosed', which does not compile" },
    };

    [Theory]
    [MemberData(nameof(BadLists))]
    public void Read_BadList_ThrowsFormatExceptionNamingSourceAndProblem(string json, string expected)
    {
        using var stream = AgentListJson.ToStream(json);

        var error = Assert.Throws<FormatException>(() => AgentListReader.Read(stream, "list.json"));

        Assert.Contains("'list.json'", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_NullAttributes_DefaultLikeMissingOnes()
    {
        using var stream = AgentListJson.ToStream("""[{ "user_agents": ["a"], "app": null, "bot": null }]""");

        var entries = AgentListReader.Read(stream, "list.json");

        Assert.Equal(new PlayerInfo("Unknown", "Unknown", "Unknown", false), Assert.Single(entries).Player);
    }
}
