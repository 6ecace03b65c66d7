using OpenDownloads.Counting.Readers;
using OpenDownloads.Counting.Readers.Avro;

namespace OpenDownloads.Tests.Counting.Readers.Avro;

public sealed class OdlAvroReaderTests
{
    private const string Source = "test.avro";

    private static readonly string OdlSchema = AvroTestFileWriter.Schema(
        "odl.oDL Events",
        ("ip", """["string", "null"]"""),
        ("encoded_ip", "\"string\""),
        ("user_agent", "\"string\""),
        ("timestamp", "\"string\""),
        ("byte_range_start", """["int", "null"]"""),
        ("byte_range_end", """["int", "null"]"""));

    private static readonly object?[][] OdlRecords =
    [
        [null, "aa", "AppleCoreMedia/1.0", "2022-09-20T00:00:01+00:00", 0, 1],
        ["192.0.2.1", "bb", "Overcast/3.0", "2022-09-20T00:00:02+00:00", null, null],
        [null, "cc", "Spotify/8.7", "2022-09-20T00:00:03+00:00", 100, 199],
        [null, "dd", "", "2022-09-20T00:00:04+00:00", null, null],
        [null, "ee", "Mozilla/5.0 \u00e9\u4e2d", "2022-09-20T00:00:05+00:00", 0, null],
    ];

    public static TheoryData<string, object?, string?> Values => new()
    {
        { "\"long\"", 5_000_000_000L, "5000000000" }, // beyond 32 bits
        { "\"int\"", -3, "-3" }, // zig-zag negative
        { "[\"null\", \"long\"]", 7L, "7" }, // the non-null branch of a union
        { "[\"long\", \"null\"]", null, null }, // a null leaves the field absent
        { "\"float\"", 2.9f, "2" }, // int(2.9) truncates
        { "\"double\"", -2.9, "-2" }, // toward zero, not down
        { "\"double\"", -0.5, "0" }, // Python's int(-0.5) is 0, never "-0"
        { "\"double\"", 1e20, "100000000000000000000" }, // int() keeps every digit of a large value
        { "\"double\"", double.NaN, "NaN" }, // left for cleaning to reject
        { "\"boolean\"", true, "true" }, // lower case, as JSON and oDL's pandas frames print it
        { "[\"boolean\", \"null\"]", false, "false" }, // a boolean in a union
        { "\"string\"", "", "" }, // present but empty is not absent
        { "\"bytes\"", "bytes=0-1", "bytes=0-1" }, // bytes are read as UTF-8 text
    };

    [Fact]
    public void Read_DeflateAndNullCodecs_GiveTheSameRecords()
    {
        var sut = new OdlAvroReader();
        var plain = new AvroTestFileWriter(OdlSchema) { RecordsPerBlock = 2 }.Write(OdlRecords);
        var deflated = new AvroTestFileWriter(OdlSchema) { Codec = "deflate", RecordsPerBlock = 2 }.Write(OdlRecords);

        var fromPlain = Read(sut, plain);
        var fromDeflated = Read(sut, deflated);

        Assert.Equal(OdlRecords.Length, fromDeflated.Count);
        Assert.Equal(fromPlain.Select(Describe), fromDeflated.Select(Describe));
    }

    [Theory]
    [InlineData("null")]
    [InlineData("deflate")]
    public void Read_SeveralBlocks_NumbersRecordsAcrossBlocks(string codec)
    {
        var sut = new OdlAvroReader();
        var file = new AvroTestFileWriter(OdlSchema) { Codec = codec, RecordsPerBlock = 2 }.Write(OdlRecords);

        var records = Read(sut, file);

        Assert.Equal(
            Enumerable.Range(1, 5).Select(i => new RecordLocation(Source, 0, i)),
            records.Select(record => record.Location));
        Assert.Equal(["aa", "bb", "cc", "dd", "ee"], records.Select(record => record[OdlField.EncodedIp]));
    }

    [Fact]
    public void Read_OdlRecord_SetsEveryFieldAsText()
    {
        var sut = new OdlAvroReader();
        var file = new AvroTestFileWriter(OdlSchema).Write(OdlRecords);

        var records = Read(sut, file);

        Assert.All(records, record => Assert.Null(record.ReadError));
        Assert.Null(records[0][OdlField.Ip]);
        Assert.Equal("192.0.2.1", records[1][OdlField.Ip]);
        Assert.Equal("Spotify/8.7", records[2][OdlField.UserAgent]);
        Assert.Equal(("100", "199"), (records[2][OdlField.ByteRangeStart], records[2][OdlField.ByteRangeEnd]));
        Assert.Equal("", records[3][OdlField.UserAgent]);
        Assert.Equal("Mozilla/5.0 \u00e9\u4e2d", records[4][OdlField.UserAgent]);
        Assert.Null(records[4][OdlField.ByteRangeEnd]);
    }

    [Theory]
    [MemberData(nameof(Values))]
    public void Read_PrimitiveValue_BecomesTheTextOdlCleans(string type, object? value, string? expected)
    {
        var sut = new OdlAvroReader();
        var file = new AvroTestFileWriter(AvroTestFileWriter.Schema("values", ("range", type))).Write([value]);

        var record = Assert.Single(Read(sut, file));

        Assert.Null(record.ReadError);
        Assert.Equal(expected, record[OdlField.Range]);
    }

    [Fact]
    public void Read_RecordNameWithSpace_ReadsTheFile()
    {
        var sut = new OdlAvroReader();
        var schema = AvroTestFileWriter.Schema("odl.oDL Events", ("http_method", "\"string\""));
        var file = new AvroTestFileWriter(schema).Write(["GET"]);

        var record = Assert.Single(Read(sut, file));

        Assert.Equal("GET", record[OdlField.HttpMethod]);
    }

    [Fact]
    public void Read_SourceFieldNames_AreMappedOntoOdlFields()
    {
        var sut = new OdlAvroReader();
        var schema = AvroTestFileWriter.Schema(
            "op3", ("ipAddress", "\"string\""), ("uuid", "\"string\""), ("startedAt", "\"string\""));
        var file = new AvroTestFileWriter(schema).Write(["192.0.2.7", "5f0c", "2024-01-01T00:00:00Z"]);

        var record = Assert.Single(Read(sut, file, FieldMapping.Create(["startedAt:timestamp"])));

        Assert.Equal("192.0.2.7", record[OdlField.Ip]);
        Assert.Equal("2024-01-01T00:00:00Z", record[OdlField.Timestamp]);
        Assert.Equal(2, Enum.GetValues<OdlField>().Count(record.Has));
    }

    [Fact]
    public void Read_UnmappedFieldsOfEveryType_AreSteppedOver()
    {
        var sut = new OdlAvroReader();
        var schema = AvroTestFileWriter.Schema(
            "skipped",
            ("a", "\"boolean\""),
            ("b", "\"int\""),
            ("c", "\"long\""),
            ("d", "\"float\""),
            ("e", "\"double\""),
            ("f", "\"string\""),
            ("g", "\"bytes\""),
            ("h", """["null", "string"]"""),
            ("referer", "\"string\""));
        object?[] values = [true, -1, 1L << 40, 1.5f, 2.5, "x", "y", "z", "https://a.example/"];
        var file = new AvroTestFileWriter(schema).Write(values);

        var record = Assert.Single(Read(sut, file));

        Assert.Equal("https://a.example/", record[OdlField.Referer]);
    }

    [Fact]
    public void Read_HeaderWithoutBlocks_YieldsNothing()
    {
        var sut = new OdlAvroReader();
        var file = new AvroTestFileWriter(OdlSchema).Write();

        Assert.Empty(Read(sut, file));
    }

    [Fact]
    public void Read_NullStream_ThrowsBeforeEnumerating()
    {
        var sut = new OdlAvroReader();

        Assert.Throws<ArgumentNullException>(() => sut.Read(null!, Source, FieldMapping.Default));
    }

    private static List<RawRecord> Read(OdlAvroReader sut, byte[] file, FieldMapping? mapping = null) =>
        [.. sut.Read(new MemoryStream(file), Source, mapping ?? FieldMapping.Default)];

    private static string Describe(RawRecord record) =>
        string.Join("|", Enum.GetValues<OdlField>().Select(field => record[field] ?? "<null>"));
}
