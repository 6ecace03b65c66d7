using System.IO.Compression;
using System.Text;
using OpenDownloads.Counting.Readers;

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
}
