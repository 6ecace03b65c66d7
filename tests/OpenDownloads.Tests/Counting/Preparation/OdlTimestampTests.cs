using OpenDownloads.Counting.Preparation;

namespace OpenDownloads.Tests.Counting.Preparation;

public sealed class OdlTimestampTests
{
    public static TheoryData<string, string> Valid => new()
    {
        { "2022-09-20T00:08:03.328000+00:00", "2022-09-20T00:08:03.3280000Z" }, // oDL's own Avro files
        { "2022-09-20T00:08:03Z", "2022-09-20T00:08:03.0000000Z" },
        { "2022-09-20T02:08:03+02:00", "2022-09-20T00:08:03.0000000Z" }, // any offset is converted to UTC
        { "2022-09-19T20:08:03-0400", "2022-09-20T00:08:03.0000000Z" }, // offset without a colon
        { "2022-09-20T00:08:03.123456789Z", "2022-09-20T00:08:03.1234567Z" }, // nine digits truncate to ticks
        { "2022-09-20 00:08:03", "2022-09-20T00:08:03.0000000Z" }, // a space separator, no offset means UTC
        { "2022-09-20", "2022-09-20T00:00:00.0000000Z" }, // a date alone is its midnight
        { "  2022-09-20T00:08:03Z  ", "2022-09-20T00:08:03.0000000Z" }, // surrounding blanks are trimmed
    };

    public static TheoryData<string> Invalid => new()
    {
        "20/Sep/2022:00:08:03 +0000", // Apache/nginx time is not ISO 8601
        "2022-13-01T00:00:00Z", // month 13
        "2022-02-30T00:00:00Z", // no such day
        "2022-09-20T25:00:00Z", // hour 25
        "2022-09-20T00:08:03.1234567890Z", // ten fractional digits
        "2022-09-20T00:08:03+2", // offset with one digit
        "1663632483", // Unix seconds are not a timestamp here
        "",
    };

    [Theory]
    [MemberData(nameof(Valid))]
    public void TryParseUtcTicks_Valid_ReturnsUtcTime(string text, string expectedUtc)
    {
        Assert.True(OdlTimestamp.TryParseUtcTicks(text, out var ticks));
        var utc = new DateTime(ticks, DateTimeKind.Utc);
        Assert.Equal(expectedUtc, utc.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [MemberData(nameof(Invalid))]
    public void TryParseUtcTicks_Invalid_ReturnsFalse(string text)
    {
        Assert.False(OdlTimestamp.TryParseUtcTicks(text, out _));
    }

    [Theory]
    [MemberData(nameof(Invalid))]
    public void ParseUtcTicks_Invalid_ThrowsNamingTheValue(string text)
    {
        var error = Assert.Throws<FormatException>(() => OdlTimestamp.ParseUtcTicks(text));

        Assert.Contains($"'{text}'", error.Message, StringComparison.Ordinal);
    }
}
