using System.Text;
using OpenDownloads.Counting.Readers;

namespace OpenDownloads.Tests.Counting.Readers;

public sealed class JsonDocumentReaderTests
{
    private readonly JsonDocumentReader _sut = new();

    [Fact]
    public void Read_ArrayOfEvents_ReadsEachWithItsLine()
    {
        var records = _sut.ReadText("[\n  {\"ip\": \"1.2.3.4\"},\n  {\"ip\": \"5.6.7.8\",\n   \"method\": \"GET\"}\n]");

        Assert.Equal(2, records.Count);
        Assert.Equal(new RecordLocation("test.log", 2, 1), records[0].Location);
        Assert.Equal(new RecordLocation("test.log", 3, 2), records[1].Location);
        Assert.Equal("GET", records[1][OdlField.HttpMethod]);
    }

    [Fact]
    public void Read_Op3ExportObject_ReadsRowsAndMapsHashedIp()
    {
        var json = "{\"rows\":[{\"time\":\"2022-09-20T00:00:00.000Z\",\"uuid\":\"u\",\"hashedIpAddress\":\"abc\","
            + "\"method\":\"GET\",\"url\":\"https://op3.dev/e/x.mp3\",\"userAgent\":\"UA\",\"referer\":\"r\","
            + "\"range\":\"bytes=0-\"}],\"count\":1,\"queryTime\":3}";

        var record = Assert.Single(_sut.ReadText(json));

        Assert.Equal("abc", record[OdlField.EncodedIp]);
        Assert.Equal("https://op3.dev/e/x.mp3", record[OdlField.EpisodeId]);
        Assert.Equal("bytes=0-", record[OdlField.Range]);
        Assert.Null(record[OdlField.Ip]);
    }

    [Fact]
    public void Read_Op3ArrayRowsWithHeaders_MapsByHeader()
    {
        var json = "{\"headers\":[\"time\",\"hashedIpAddress\",\"method\"],"
            + "\"rows\":[[\"2022-09-20T00:00:00Z\",\"h\",\"GET\"],[\"x\"]]}";

        var records = _sut.ReadText(json);

        Assert.Equal("h", records[0][OdlField.EncodedIp]);
        Assert.Equal("GET", records[0][OdlField.HttpMethod]);
        Assert.Equal("The row has 1 values; the headers name 3.", records[1].ReadError);
    }

    [Fact]
    public void Read_BrokenDocument_KeepsEarlierRecordsAndRejectsTheRest()
    {
        var records = _sut.ReadText("[{\"ip\":\"1.2.3.4\"},\n{\"ip\": }]");

        Assert.Equal(2, records.Count);
        Assert.Null(records[0].ReadError);
        Assert.StartsWith("The JSON is broken, so reading stopped here", records[1].ReadError, StringComparison.Ordinal);
        Assert.Equal(2, records[1].Location.Line);
    }

    [Fact]
    public void Read_ValuesLargerThanTheBuffer_AreReadWhole()
    {
        var agent = new string('a', 200_000);
        var json = new StringBuilder("[");
        for (var i = 0; i < 5; i++)
        {
            json.Append(i == 0 ? "" : ",").Append("{\"userAgent\":\"").Append(agent).Append("\",\"n\":").Append(i).Append('}');
        }

        var records = _sut.ReadText(json.Append(']').ToString());

        Assert.Equal(5, records.Count);
        Assert.All(records, r => Assert.Equal(agent, r[OdlField.UserAgent]));
    }

    [Fact]
    public void Read_ObjectWithoutRows_RejectsWithExpectation()
    {
        var record = Assert.Single(_sut.ReadText("{\"data\": 1}"));

        Assert.Contains("has no rows array", record.ReadError, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_BrokenValueDeepInAPrettyArray_NamesItsLine()
    {
        var json = "[\n  {\"ip\": \"1.2.3.4\"},\n  {\n    \"ip\": \"5.6.7.8\"\n  },\n  {\n    \"ip\": ,\n  }\n]";

        var records = _sut.ReadText(json);

        Assert.Equal(7, records[^1].Location.Line);
        Assert.DoesNotContain("LineNumber", records[^1].ReadError, StringComparison.Ordinal);
    }
}
