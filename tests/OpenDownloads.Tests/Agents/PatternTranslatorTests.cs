using System.Text.RegularExpressions;
using OpenDownloads.Agents;

namespace OpenDownloads.Tests.Agents;

public sealed class PatternTranslatorTests
{
    public static TheoryData<string, string> Translations => new()
    {
        { @"(\_|\-)", "(_|\\-)" }, // radio.net: .NET rejects \_, Python reads it as _
        { @"[a-z\_]", "[a-z_]" }, // same inside a character class
        { @"^ExoPlayerLib\/", @"^ExoPlayerLib\/" }, // \/ already means / in .NET
        { @"PodKast\Z", @"PodKast\z" }, // Python's \Z is end of input, .NET's \z
        { @"a\\_b", @"a\\_b" }, // an escaped backslash before _ is not an escape of _
        { @"a\\Z", @"a\\Z" }, // nor before Z
        { @"^(?!Podverse).*Android\d+\s$", @"^(?!Podverse).*Android\d+\s$" }, // shared syntax is untouched
        { @"trailing\", @"trailing\" }, // a dangling backslash is left for the parser to reject
    };

    [Theory]
    [MemberData(nameof(Translations))]
    public void Translate_PythonPattern_ReturnsDotNetEquivalent(string pattern, string expected)
    {
        var translated = PatternTranslator.Translate(pattern);

        Assert.Equal(expected, translated);
    }

    [Fact]
    public void Translate_UnderscoreEscape_CompilesAndMatchesUnderscore()
    {
        var sut = new Regex(PatternTranslator.Translate(@"^sv(\_|\-)SE$"));

        Assert.Matches(sut, "sv_SE");
    }

    [Fact]
    public void Translate_EndOfInputEscape_DoesNotMatchBeforeFinalNewline()
    {
        var sut = new Regex(PatternTranslator.Translate(@"PodKast\Z"));

        Assert.DoesNotMatch(sut, "PodKast\n");
    }
}
