using System.Text;
using OpenDownloads.Datacenters;
using OpenDownloads.Datacenters.Providers;

namespace OpenDownloads.Tests.Datacenters;

/// <summary>Bad input is quoted short and with control characters escaped, wherever an error quotes it.</summary>
public sealed class InputExcerptTests
{
    [Fact]
    public void Parse_TwoMegabyteBadLineWithEscapes_QuotesAShortEscapedExcerpt()
    {
        var sut = ProviderCatalog.All(new DatacenterRebuildOptions()).Single(feed => feed.Id == "cloudflare");
        var line = "\u001b[2J\u001b]0;owned\u0007" + new string('x', 2 * 1024 * 1024);

        var error = Assert.Throws<FeedFormatException>(
            () => sut.Parse(sut.Documents[0], Encoding.UTF8.GetBytes(line), new PrefixCollector()));

        Assert.True(error.Message.Length < 300, $"The message is {error.Message.Length} characters long.");
        Assert.DoesNotContain('\u001b', error.Message);
        Assert.Contains("\\u001b[2J", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("short", "short")]
    [InlineData("a\tb\r\n", "a\\u0009b\\u000d\\u000a")]
    public void Of_Text_EscapesControlCharacters(string text, string expected) =>
        Assert.Equal(expected, InputExcerpt.Of(text));

    [Fact]
    public void Of_LongText_KeepsEightyCharactersAndSaysSo() =>
        Assert.Equal(new string('y', 80) + "...", InputExcerpt.Of(new string('y', 81)));
}
