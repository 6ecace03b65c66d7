using OpenDownloads.Counting.Readers;

namespace OpenDownloads.Tests.Counting.Readers;

public sealed class FieldMappingTests
{
    public static TheoryData<string, OdlField?> DefaultNames => new()
    {
        { "ipAddress", OdlField.Ip }, // camelCase alias
        { "ip_address", OdlField.Ip }, // snake_case alias
        { "IPAddress", OdlField.Ip }, // acronym then capitalised word
        { "userAgent", OdlField.UserAgent },
        { "referrer", OdlField.Referer }, // the correct spelling maps to HTTP's misspelling
        { "enclosureUrl", OdlField.EpisodeId },
        { "url", OdlField.EpisodeId },
        { "method", OdlField.HttpMethod },
        { "time", OdlField.Timestamp },
        { "hashedIpAddress", OdlField.EncodedIp }, // OP3's export
        { "encoded_ip", OdlField.EncodedIp },
        { "range", OdlField.Range },
        { "byteRangeStart", OdlField.ByteRangeStart },
        { "uuid", null }, // unknown columns are dropped
        { "startedAt", null }, // only a user mapping makes this a timestamp
    };

    [Theory]
    [MemberData(nameof(DefaultNames))]
    public void Resolve_DefaultMapping_FollowsOdlAliases(string name, OdlField? expected)
    {
        var sut = FieldMapping.Default;

        Assert.Equal(expected, sut.Resolve(name));
    }

    [Fact]
    public void Resolve_UserMapping_WinsOverAliases()
    {
        var sut = FieldMapping.Create(["startedAt:timestamp", "url:referer"]);

        Assert.Equal(OdlField.Timestamp, sut.Resolve("startedAt"));
        Assert.Equal(OdlField.Referer, sut.Resolve("url"));
    }

    [Theory]
    [InlineData("startedAt")]
    [InlineData("startedAt:")]
    [InlineData(":timestamp")]
    [InlineData("startedAt:when")]
    public void Create_BadRule_ThrowsFormatExceptionNamingTheRule(string rule)
    {
        var error = Assert.Throws<FormatException>(() => FieldMapping.Create([rule]));

        Assert.Contains($"'{rule}'", error.Message, StringComparison.Ordinal);
    }
}
