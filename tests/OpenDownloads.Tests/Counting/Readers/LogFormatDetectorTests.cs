using System.Text;
using OpenDownloads.Counting.Readers;

namespace OpenDownloads.Tests.Counting.Readers;

public sealed class LogFormatDetectorTests
{
    public static TheoryData<string, LogFormat?> Names => new()
    {
        { "demo.odl.avro", LogFormat.Avro },
        { "logs.jsonl.gz", LogFormat.JsonLines }, // .gz is looked through
        { "LOGS.NDJSON", LogFormat.JsonLines },
        { "hits.tsv", LogFormat.Tsv },
        { "export.csv", LogFormat.Csv },
        { "export.json", null }, // .json may be lines or a document: the content decides
        { "access.log", null },
    };

    public static TheoryData<string, LogFormat> Contents => new()
    {
        { "{\"ip\":\"1.2.3.4\"}\n{\"ip\":\"5.6.7.8\"}\n", LogFormat.JsonLines },
        { "{\n  \"rows\": []\n}", LogFormat.Json }, // a pretty-printed object is a document
        { "  [ {\"ip\":\"1.2.3.4\"} ]", LogFormat.Json },
        { "time\tuuid\thashedIpAddress\n", LogFormat.Tsv },
        { "ip,user_agent\n", LogFormat.Csv },
        { "{\"records\": [\n  {\"category\": \"StorageRead\"}\n]}", LogFormat.AzureMonitor }, // an envelope file
        { "{\"records\":[]}\n{\"records\":[]}\n", LogFormat.AzureMonitor }, // capture: an envelope a line
        { "{\"time\":\"t\",\"records\":5}", LogFormat.AzureMonitor }, // a broken envelope is still one
        { "{\"records_count\":1}\n", LogFormat.JsonLines }, // only the name records makes an envelope
        { Combined, LogFormat.Combined },
        { "# nginx access log\n" + Combined, LogFormat.Combined }, // a comment line before the first request
        { "a\nb\nc\nd\ne\n" + Combined, LogFormat.Csv }, // only the first five lines are looked at
        { "ip,user_agent\n203.0.113.7,Overcast\n", LogFormat.Csv }, // CSV rows are not combined lines
        { "{\"rows\":[{\"time\":\"t\"}]}\n", LogFormat.Json }, // OP3's export on one line, with a line end
        { "{\"headers\":[\"time\"],\"rows\":[[\"t\"]]}\n", LogFormat.Json }, // OP3's json-a on one line
        { "{\"ip\":\"1.2.3.4\",\"url\":\"/e.mp3\"}", LogFormat.JsonLines }, // one event and no line end
        { "{\"user_agent\":\"" + new string('a', 65_536), LogFormat.JsonLines }, // the look cut in a long first line
    };

    private const string Combined =
        "203.0.113.7 - - [20/Sep/2022:00:08:03 +0000] \"GET /ep1.mp3 HTTP/1.1\" 206 2 \"-\" \"Overcast/3.0\"\n";

    [Theory]
    [MemberData(nameof(Names))]
    public void FromName_Extension_PicksFormat(string name, LogFormat? expected)
    {
        Assert.Equal(expected, LogFormatDetector.FromName(name));
    }

    [Theory]
    [MemberData(nameof(Contents))]
    public void FromContent_FirstBytes_PicksFormat(string content, LogFormat expected)
    {
        Assert.Equal(expected, LogFormatDetector.FromContent(Encoding.UTF8.GetBytes(content)));
    }

    [Theory]
    [InlineData("{\"records\":[]}\n{\"records\":[]}", true)] // an envelope a line
    [InlineData("\uFEFF  {\"ip\":\"1\"}\r\n", true)] // byte-order mark, white space and CRLF
    [InlineData("{\"records\": [\n]}", false)] // a pretty-printed envelope spans lines
    [InlineData("{\"records\":[]}", false)] // one line with no line end is a document
    public void StartsWithJsonLine_FirstLine_TellsJsonLines(string content, bool expected)
    {
        Assert.Equal(expected, LogFormatDetector.StartsWithJsonLine(Encoding.UTF8.GetBytes(content)));
    }

    [Fact]
    public void FromContent_NameWithLoneSurrogateEscape_IsJsonLinesNotAnError()
    {
        var content = "{\"\\ud800x\":1}\n"u8.ToArray();

        Assert.Equal(LogFormat.JsonLines, LogFormatDetector.FromContent(content));
    }

    [Fact]
    public void FromContent_AvroMagic_IsAvro()
    {
        Assert.Equal(LogFormat.Avro, LogFormatDetector.FromContent("Obj\u0001rest"u8));
    }
}
