using OpenDownloads.Counting.Preparation;

namespace OpenDownloads.Tests.Counting.Preparation;

public sealed class ByteRangeTests
{
    public static TheoryData<string, long?, long?> Valid => new()
    {
        { "bytes=0-1", 0, 1 }, // the two-byte probe
        { "bytes=0-", 0, null }, // open end
        { "bytes=500-999", 500, 999 },
        { "bytes=0-1, 20-", 0, 1 }, // only the first range of a multi-range header counts, as in oDL
        { "x bytes=7-8", 7, 8 }, // oDL searches anywhere in the text
        { "bytes=-5 bytes=3-4", 3, 4 }, // a later match is found when an earlier one fails
        { "bytes=٣-٤", 3, 4 }, // Python's \d and int() accept any decimal digit
    };

    public static TheoryData<string> Invalid => new()
    {
        "bytes=-500", // suffix ranges never match oDL's pattern
        "items=0-1",
        "bytes=a-b",
        "bytes=99999999999999999999-", // beyond a 64-bit integer
        "",
    };

    [Theory]
    [MemberData(nameof(Valid))]
    public void TryParseHeader_Valid_ReturnsStartAndEnd(string header, long? start, long? end)
    {
        Assert.True(ByteRange.TryParseHeader(header, out var range));
        Assert.Equal(new ByteRange(start, end), range);
    }

    [Theory]
    [MemberData(nameof(Invalid))]
    public void TryParseHeader_Invalid_ReturnsFalse(string header)
    {
        Assert.False(ByteRange.TryParseHeader(header, out _));
    }

    [Theory]
    [MemberData(nameof(Invalid))]
    public void ParseHeader_Invalid_ThrowsNamingTheHeader(string header)
    {
        var error = Assert.Throws<FormatException>(() => ByteRange.ParseHeader(header));

        Assert.Contains($"'{header}'", error.Message, StringComparison.Ordinal);
    }
}
