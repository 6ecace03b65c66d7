using OpenDownloads.Counting.Preparation;

namespace OpenDownloads.Tests.Counting.Preparation;

public sealed class PercentDecodingTests
{
    public static TheoryData<string, string> Cases => new()
    {
        { "Mozilla%2F5.0", "Mozilla/5.0" }, // oDL keys treat encoded and plain user agents alike
        { "a%20b.mp3", "a b.mp3" },
        { "a+b", "a+b" }, // unquote, not unquote_plus: a plus stays a plus
        { "caf%C3%A9", "café" }, // escapes are UTF-8 bytes
        { "100%", "100%" }, // a malformed escape is kept as it is
        { "%zz%41", "%zzA" },
        { "%E2%80", "\uFFFD" }, // a cut UTF-8 sequence becomes the replacement character
        { "no escapes", "no escapes" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Decode_Input_MatchesPythonUnquote(string input, string expected)
    {
        Assert.Equal(expected, PercentDecoding.Decode(input));
    }
}
