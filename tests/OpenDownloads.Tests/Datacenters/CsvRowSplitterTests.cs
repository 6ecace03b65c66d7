using OpenDownloads.Datacenters;

namespace OpenDownloads.Tests.Datacenters;

public sealed class CsvRowSplitterTests
{
    public static TheoryData<string, string[]> Rows => new()
    {
        { "a,b,c,d", ["a", "b", "c", "d"] }, // plain fields
        { "a,,c,", ["a", "", "c", ""] }, // empty fields, including the last
        { "", [""] }, // an empty line is one empty field
        { "1,2,\"ThePlanet.com, Inc.\",u", ["1", "2", "ThePlanet.com, Inc.", "u"] }, // a quoted comma
        { "\"say \"\"hi\"\"\",x", ["say \"hi\"", "x"] }, // doubled quotes inside quotes
        { "\"\",x", ["", "x"] }, // an empty quoted field
        { "a\"b,c", ["a\"b", "c"] }, // a quote inside an unquoted field is text
    };

    public static TheoryData<string> MalformedRows => new()
    {
        "a,\"unclosed", // the quote never closes on this line
        "a,\"closed\"tail,b", // text after the closing quote
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public void TrySplit_Row_ReturnsItsFields(string line, string[] expected)
    {
        var fields = new List<string> { "left over" };

        var split = CsvRowSplitter.TrySplit(line, fields);

        Assert.True(split);
        Assert.Equal(expected, fields);
    }

    [Theory]
    [MemberData(nameof(MalformedRows))]
    public void TrySplit_MalformedQuoting_ReturnsFalse(string line)
    {
        var split = CsvRowSplitter.TrySplit(line, []);

        Assert.False(split);
    }
}
