using System.IO.Compression;
using System.Text;
using OpenDownloads.Counting.Readers;
using OpenDownloads.Tests.Streaming.Input;

namespace OpenDownloads.Tests.Counting.Readers;

public sealed class LogInputTests
{
    [Fact]
    public void Read_GzipWhateverTheName_IsDecompressed()
    {
        var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(Encoding.UTF8.GetBytes("{\"ip\":\"1.2.3.4\"}\n{\"ip\":\"5.6.7.8\"}\n"));
        }

        compressed.Position = 0;
        var records = LogInput.Read(compressed, "requests.log", null, FieldMapping.Default).ToList();

        Assert.Equal(["1.2.3.4", "5.6.7.8"], records.Select(r => r[OdlField.Ip]));
    }

    [Fact]
    public void Read_FormatGiven_OverridesTheName()
    {
        var stream = new MemoryStream(Encoding.UTF8.GetBytes("ip,method\n1.2.3.4,GET\n"));

        var record = Assert.Single(LogInput.Read(stream, "looks.jsonl", LogFormat.Csv, FieldMapping.Default));

        Assert.Equal("GET", record[OdlField.HttpMethod]);
    }

    [Fact]
    public void Read_EnvelopeWithFormatJson_IsReadAsAzureMonitor()
    {
        var stream = new MemoryStream(Encoding.UTF8.GetBytes(EventBodies.FrontDoor));

        var record = Assert.Single(LogInput.Read(stream, "frontdoor.json", LogFormat.Json, FieldMapping.Default));

        Assert.Equal("203.0.113.5", record[OdlField.Ip]);
    }

    [Fact]
    public void Read_CombinedLogWithNoFormatOrExtension_IsDetected()
    {
        var stream = new MemoryStream(Encoding.UTF8.GetBytes(EventBodies.CombinedWithoutRange + "\n"));

        var record = Assert.Single(LogInput.Read(stream, "access.log", null, FieldMapping.Default));

        Assert.Null(record.ReadError);
        Assert.Equal("HEAD", record[OdlField.HttpMethod]);
    }

    [Fact]
    public void Read_CombinedLogWithFormatJsonLines_IsRejected()
    {
        var stream = new MemoryStream(Encoding.UTF8.GetBytes(EventBodies.CombinedWithoutRange + "\n"));

        var record = Assert.Single(LogInput.Read(stream, "access.log", LogFormat.JsonLines, FieldMapping.Default));

        Assert.NotNull(record.ReadError);
    }
}
