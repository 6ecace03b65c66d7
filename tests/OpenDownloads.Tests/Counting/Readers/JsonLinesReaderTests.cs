using System.Text;
using OpenDownloads.Counting.Readers;

namespace OpenDownloads.Tests.Counting.Readers;

public sealed class JsonLinesReaderTests
{
    private readonly JsonLinesReader _sut = new();

    [Fact]
    public void Read_CamelCaseLine_MapsFieldsAndKeepsLineNumbers()
    {
        var text = "{\"ipAddress\":\"1.2.3.4\",\"userAgent\":\"UA\",\"url\":\"/e.mp3\",\"method\":\"GET\","
            + "\"time\":\"2022-09-20T00:00:00Z\",\"range\":\"bytes=0-1\",\"extra\":{\"a\":[1]}}\n\n"
            + "{\"ip\":\"5.6.7.8\",\"byte_range_start\":10,\"byte_range_end\":20.7}\n";

        var records = _sut.ReadText(text);

        Assert.Equal(2, records.Count);
        Assert.Equal("1.2.3.4", records[0][OdlField.Ip]);
        Assert.Equal("UA", records[0][OdlField.UserAgent]);
        Assert.Equal("/e.mp3", records[0][OdlField.EpisodeId]);
        Assert.Equal("bytes=0-1", records[0][OdlField.Range]);
        Assert.Equal(new RecordLocation("test.log", 3, 2), records[1].Location); // the blank line 2 is skipped
        Assert.Equal("20.7", records[1][OdlField.ByteRangeEnd]); // numbers keep their JSON text
    }

    [Fact]
    public void Read_BrokenLine_RejectsItAndReadsTheNext()
    {
        var records = _sut.ReadText("{\"ip\":\"1.2.3.4\"\n{\"ip\":\"5.6.7.8\"}\n");

        Assert.StartsWith("The record is not valid JSON", records[0].ReadError, StringComparison.Ordinal);
        Assert.Null(records[1].ReadError);
        Assert.Equal("5.6.7.8", records[1][OdlField.Ip]);
    }

    [Fact]
    public void Read_InvalidUtf8_RejectsWithOffset()
    {
        var bytes = Encoding.UTF8.GetBytes("{\"userAgent\":\"ab").Concat(new byte[] { 0xff }).Concat("\"}\n"u8.ToArray());

        var records = _sut.ReadBytes(bytes.ToArray());

        Assert.Equal("The record is not valid UTF-8 (bad byte at offset 16); logs must be UTF-8 text.", records[0].ReadError);
    }

    [Fact]
    public void Read_LineOverOneMegabyte_RejectsItWithoutStopping()
    {
        var huge = "{\"userAgent\":\"" + new string('x', 2 * 1024 * 1024) + "\"}\n";

        var records = _sut.ReadText(huge + "{\"ip\":\"1.2.3.4\"}");

        Assert.Equal(2, records.Count);
        Assert.Contains("longer than 1048576 bytes", records[0].ReadError, StringComparison.Ordinal);
        Assert.Equal(new RecordLocation("test.log", 2, 2), records[1].Location);
        Assert.Equal("1.2.3.4", records[1][OdlField.Ip]); // no final newline is fine
    }

    [Fact]
    public void Read_ByteOrderMarkAndCrLf_AreNotErrors()
    {
        var records = _sut.ReadBytes([.. "\uFEFF"u8, .. "{\"ip\":\"1.2.3.4\"}\r\n{\"ip\":\"::1\"}\r\n"u8]);

        Assert.All(records, r => Assert.Null(r.ReadError));
        Assert.Equal(["1.2.3.4", "::1"], records.Select(r => r[OdlField.Ip]));
    }

    [Fact]
    public void Read_NotAnObject_RejectsTheLine()
    {
        var records = _sut.ReadText("[1,2]\n");

        Assert.Equal("The record is not a JSON object; each event must be an object.", records[0].ReadError);
    }

    [Fact]
    public void Read_LoneSurrogateEscape_RejectsTheLineAndGoesOn()
    {
        var records = _sut.ReadText("{\"userAgent\":\"My\\ud800Player\"}\n{\"other\":\"\\udc00\",\"ip\":\"1.2.3.4\"}\n");

        Assert.Contains("not valid UTF-16", records[0].ReadError, StringComparison.Ordinal);
        Assert.Null(records[1].ReadError); // an ignored field is never decoded
        Assert.Equal("1.2.3.4", records[1][OdlField.Ip]);
    }

    [Fact]
    public void Read_FieldIsAnArray_RejectsTheLine()
    {
        var record = Assert.Single(_sut.ReadText("{\"userAgent\":[\"a\"]}"));

        Assert.Equal("The field user_agent is a JSON StartArray; expected a string or number.", record.ReadError);
    }
}
