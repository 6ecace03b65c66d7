using System.Text;
using Avro;
using Avro.File;
using Avro.Generic;
using OpenDownloads.Counting.Readers;
using OpenDownloads.Counting.Readers.Avro;

namespace OpenDownloads.Tests.Counting.Readers.Avro;

/// <summary>
/// Reads files written by Apache Avro's own C# library, so that the reader is checked against a writer that
/// neither it nor <see cref="AvroTestFileWriter"/> shares code with.
/// </summary>
public sealed class OdlAvroReaderApacheAvroTests
{
    private const int RecordCount = 500;

    private static readonly RecordSchema Schema = (RecordSchema)global::Avro.Schema.Parse(
        AvroTestFileWriter.Schema(
            "odl.Events",
            ("encoded_ip", "\"string\""),
            ("user_agent", """["null", "string"]"""),
            ("byte_range_start", """["int", "null"]"""),
            ("byte_range_end", "\"long\""),
            ("range", "\"double\""),
            ("referer", "\"bytes\""),
            ("http_method", "\"boolean\""),
            ("timestamp", "\"float\"")));

    [Theory]
    [InlineData(Codec.Type.Null)]
    [InlineData(Codec.Type.Deflate)]
    public void Read_FileFromApacheAvro_GivesEveryValue(Codec.Type codec)
    {
        var sut = new OdlAvroReader();
        var file = WriteWithApacheAvro(codec);

        var records = sut.Read(new MemoryStream(file), "apache.avro", FieldMapping.Default).ToList();

        Assert.True(BlockCount(file) > 1, "Apache Avro was expected to write several blocks.");
        Assert.Equal(RecordCount, records.Count);
        Assert.All(records, record => Assert.Null(record.ReadError));
        var expected = Enumerable.Range(0, RecordCount).Select(i => string.Join(
            '|',
            $"ip{i}",
            i % 3 == 0 ? "<null>" : $"Agent/{i} \u00e9",
            i % 2 == 0 ? $"{i}" : "<null>",
            $"{-5_000_000_000L * i}",
            $"{i}",
            $"ref{i}",
            i % 2 == 0 ? "true" : "false",
            $"{-i}"));
        Assert.Equal(expected, records.Select(Row));
    }

    private static string Row(RawRecord record) => string.Join(
        '|',
        new[]
        {
            OdlField.EncodedIp, OdlField.UserAgent, OdlField.ByteRangeStart, OdlField.ByteRangeEnd, OdlField.Range,
            OdlField.Referer, OdlField.HttpMethod, OdlField.Timestamp,
        }.Select(field => record[field] ?? "<null>"));

    // Every block ends with the marker that also ends the header and the file.
    private static int BlockCount(byte[] file)
    {
        var marker = file.AsSpan(file.Length - 16);
        var count = -1;
        for (var rest = file.AsSpan(); rest.IndexOf(marker) is var at and >= 0; rest = rest[(at + marker.Length)..])
        {
            count++;
        }

        return count;
    }

    private static byte[] WriteWithApacheAvro(Codec.Type codec)
    {
        var output = new MemoryStream();
        using (var writer = DataFileWriter<GenericRecord>.OpenWriter(
            new GenericDatumWriter<GenericRecord>(Schema), output, Codec.CreateCodec(codec), leaveOpen: true))
        {
            // A small sync interval spreads the records over many blocks.
            writer.SetSyncInterval(1024);
            for (var i = 0; i < RecordCount; i++)
            {
                var record = new GenericRecord(Schema);
                record.Add("encoded_ip", $"ip{i}");
                record.Add("user_agent", i % 3 == 0 ? null : $"Agent/{i} \u00e9");
                record.Add("byte_range_start", i % 2 == 0 ? i : null);
                record.Add("byte_range_end", -5_000_000_000L * i);
                record.Add("range", i + 0.75);
                record.Add("referer", Encoding.UTF8.GetBytes($"ref{i}"));
                record.Add("http_method", i % 2 == 0);
                record.Add("timestamp", -i - 0.5f);
                writer.Append(record);
            }
        }

        return output.ToArray();
    }
}
