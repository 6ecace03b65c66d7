using OpenDownloads.Counting.Readers;

namespace OpenDownloads.Tests.Counting.Readers;

public sealed class CsvLogReaderTests
{
    [Fact]
    public void Read_QuotedFieldsAcrossLines_ReadsRfc4180()
    {
        var sut = new CsvLogReader();
        var csv = "ip_address,user_agent,enclosure_url\r\n1.2.3.4,\"Agent, with comma\",/a.mp3\r\n"
            + "5.6.7.8,\"two\nlines \"\"quoted\"\"\",/b.mp3\r\n9.9.9.9,x,/c.mp3";

        var records = sut.ReadText(csv);

        Assert.Equal(3, records.Count);
        Assert.Equal("Agent, with comma", records[0][OdlField.UserAgent]);
        Assert.Equal("two\nlines \"quoted\"", records[1][OdlField.UserAgent]);
        Assert.Equal(new RecordLocation("test.log", 5, 3), records[2].Location);
    }

    [Fact]
    public void Read_WrongFieldCount_RejectsTheRow()
    {
        var records = new CsvLogReader().ReadText("ip,method\n1.2.3.4\n5.6.7.8,GET\n");

        Assert.Equal("The row has 1 fields; the header has 2.", records[0].ReadError);
        Assert.Equal("GET", records[1][OdlField.HttpMethod]);
    }

    [Fact]
    public void Read_TabSeparatedOp3Export_MapsHeader()
    {
        var records = new CsvLogReader('\t').ReadText("time\tuuid\thashedIpAddress\tmethod\n2022-09-20T00:00:00Z\tu\th\tGET\n");

        Assert.Equal("h", Assert.Single(records)[OdlField.EncodedIp]);
    }

    [Fact]
    public void Read_UnclosedQuote_RejectsAtTheEnd()
    {
        var records = new CsvLogReader().ReadText("ip,method\n\"1.2.3.4,GET\n");

        Assert.Equal("A quoted field is not closed before the end of the input.", Assert.Single(records).ReadError);
    }

    [Fact]
    public void Read_HeaderWithNoOdlField_ThrowsSayingItIsNotALog()
    {
        var sut = new CsvLogReader();

        var error = Assert.Throws<InvalidDataException>(() => sut.ReadText("42\n"));

        Assert.Contains("names none of oDL's fields", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ts,time,url\n2022-01-01T00:00:00Z,2022-09-21T15:00:00Z,/a\n")] // the user's column first
    [InlineData("time,ts,url\n2022-09-21T15:00:00Z,2022-01-01T00:00:00Z,/a\n")] // the alias first
    public void Read_UserMappingAndAliasBothPresent_UserMappingWins(string csv)
    {
        var record = Assert.Single(new CsvLogReader().ReadText(csv, FieldMapping.Create(["ts:timestamp"])));

        Assert.Equal("2022-01-01T00:00:00Z", record[OdlField.Timestamp]);
    }
}
