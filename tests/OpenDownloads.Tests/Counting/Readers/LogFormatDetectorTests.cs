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
    };

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

    [Fact]
    public void FromContent_AvroMagic_IsAvro()
    {
        Assert.Equal(LogFormat.Avro, LogFormatDetector.FromContent("Obj\u0001rest"u8));
    }
}
