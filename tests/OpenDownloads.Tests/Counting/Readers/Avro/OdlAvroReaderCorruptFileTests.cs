using OpenDownloads.Counting.Readers;
using OpenDownloads.Counting.Readers.Avro;

namespace OpenDownloads.Tests.Counting.Readers.Avro;

public sealed class OdlAvroReaderCorruptFileTests
{
    private const string Source = "broken.avro";

    private static readonly string Schema = AvroTestFileWriter.Schema(
        "odl.oDL Events", ("encoded_ip", "\"string\""), ("byte_range_start", """["int", "null"]"""));

    private static readonly object?[][] SixRecords =
        [["a", 0], ["b", null], ["c", 1], ["d", null], ["e", 2], ["f", null]];

    public static TheoryData<byte[], string> NotAvro => new()
    {
        { [], "nothing (it is empty)" }, // an empty input
        { "{\"ip\":"u8.ToArray(), "0x7B226970" }, // JSON lines handed to the wrong reader
        { "Obj"u8.ToArray(), "0x4F626A" }, // cut inside the magic
        { "Obj\x02...."u8.ToArray(), "0x4F626A02" }, // another version of the format
    };

    public static TheoryData<string, string> UnsupportedTypes => new()
    {
        { """{"type": "array", "items": "string"}""", "array" }, // a list of values has no single text
        { """{"type": "map", "values": "long"}""", "map" }, // nor has a map
        { """{"type": "record", "name": "inner", "fields": []}""", "record" }, // nested records are not flattened
        { """{"type": "enum", "name": "method", "symbols": ["GET"]}""", "enum" }, // oDL never writes enums
        { """{"type": "fixed", "name": "hash", "size": 16}""", "fixed" }, // nor fixed-size bytes
        { "\"odl.Address\"", "odl.Address" }, // a reference to a named type
        { """["null", {"type": "array", "items": "int"}]""", "a union with the branch" }, // a complex union branch
    };

    public static TheoryData<int, string> Truncations => new()
    {
        { 5, "ends inside block 3: expected the block's sync marker" }, // the last marker is cut short
        { 20, "ends inside block 3: expected" }, // the last block's data is cut short
    };

    [Fact]
    public void Read_CorruptSyncMarker_EndsWithUnreadableRecordNamingTheBlock()
    {
        var sut = new OdlAvroReader();
        var file = new AvroTestFileWriter(Schema) { RecordsPerBlock = 2 }.Write(SixRecords);
        CorruptSyncMarkerOfBlock(file, 2);

        var records = Read(sut, file);

        Assert.Equal(3, records.Count);
        Assert.All(records.Take(2), record => Assert.Null(record.ReadError));
        Assert.Equal(new RecordLocation(Source, 0, 3), records[2].Location);
        Assert.Contains($"'{Source}' is corrupt at block 2", records[2].ReadError, StringComparison.Ordinal);
        Assert.Contains("sync marker", records[2].ReadError, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Truncations))]
    public void Read_TruncatedFile_EndsWithUnreadableRecordNamingTheBlock(int bytesCut, string expected)
    {
        var sut = new OdlAvroReader();
        var file = new AvroTestFileWriter(Schema) { Codec = "deflate", RecordsPerBlock = 2 }.Write(SixRecords);

        var records = Read(sut, file[..^bytesCut]);

        Assert.Equal(5, records.Count);
        Assert.All(records.Take(4), record => Assert.Null(record.ReadError));
        Assert.Contains($"'{Source}' {expected}", records[4].ReadError, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_UnsupportedCodec_ThrowsNamingTheCodecAndTheSupportedOnes()
    {
        var sut = new OdlAvroReader();
        var file = new AvroTestFileWriter(Schema) { Codec = "snappy" }.Write();

        var error = Assert.Throws<InvalidDataException>(() => Read(sut, file));

        Assert.Equal(
            $"The Avro file '{Source}' uses the codec 'snappy', which this reader does not support; "
            + "supported codecs are: null, deflate.",
            error.Message);
    }

    [Theory]
    [MemberData(nameof(NotAvro))]
    public void Read_NotAvro_ThrowsSayingAnAvroContainerWasExpected(byte[] file, string start)
    {
        var sut = new OdlAvroReader();

        var error = Assert.Throws<InvalidDataException>(() => Read(sut, file));

        Assert.Equal(
            $"The input '{Source}' is not an Avro object container: expected it to start with 'Obj\\x01' "
            + $"but it starts with {start}.",
            error.Message);
    }

    [Fact]
    public void Read_HeaderCutShort_ThrowsSayingTheHeaderEnds()
    {
        var sut = new OdlAvroReader();
        var file = new AvroTestFileWriter(Schema).Write();

        var error = Assert.Throws<InvalidDataException>(() => Read(sut, file[..^4]));

        Assert.Contains($"'{Source}' ends inside its header", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(UnsupportedTypes))]
    public void Read_UnsupportedFieldType_ThrowsNamingTheFieldAndType(string type, string named)
    {
        var sut = new OdlAvroReader();
        var file = new AvroTestFileWriter(AvroTestFileWriter.Schema("odl", ("tags", type))).Write();

        var error = Assert.Throws<InvalidDataException>(() => Read(sut, file));

        Assert.Contains($"'{Source}' has the field 'tags' of type ", error.Message, StringComparison.Ordinal);
        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_TextNotUtf8_MakesOnlyThatRecordUnreadable()
    {
        var sut = new OdlAvroReader();
        var file = new AvroTestFileWriter(Schema).Write(["a", 0], [new byte[] { 0x61, 0xFF }, 1], ["c", 2]);

        var records = Read(sut, file);

        Assert.Equal(["a", null, "c"], records.Select(record => record[OdlField.EncodedIp]));
        Assert.Equal(
            $"The Avro file '{Source}' has text that is not valid UTF-8 in field 'encoded_ip' of record 2.",
            records[1].ReadError);
        Assert.Null(records[2].ReadError);
    }

    [Fact]
    public void Read_BlockClaimingMoreRecordsThanItHolds_EndsWithUnreadableRecord()
    {
        var sut = new OdlAvroReader();
        byte[] data = [0x02, 0x61, 0x00, 0x00]; // "a", then 0 in the union's int branch: one record of two
        var file = new AvroTestFileWriter(Schema).WriteRawBlocks((2, data));

        var records = Read(sut, file);

        Assert.Equal(2, records.Count);
        Assert.Equal(
            $"The Avro file '{Source}' is corrupt at block 1, record 2, field 'encoded_ip': "
            + "expected a varint but the block ends inside it.",
            records[1].ReadError);
    }

    [Fact]
    public void Read_UnionBranchOutOfRange_EndsWithUnreadableRecord()
    {
        var sut = new OdlAvroReader();
        byte[] data = [0x02, 0x61, 0x04]; // "a", then branch 2 of a two-branch union
        var file = new AvroTestFileWriter(Schema).WriteRawBlocks((1, data));

        var record = Assert.Single(Read(sut, file));

        Assert.Equal(
            $"The Avro file '{Source}' is corrupt at block 1, record 1, field 'byte_range_start': "
            + "expected a union branch from 0 to 1 but found 2.",
            record.ReadError);
    }

    [Fact]
    public void Read_BytesLeftAfterLastRecord_EndsWithUnreadableRecordNamingTheBlock()
    {
        var sut = new OdlAvroReader();
        byte[] data = [0x02, 0x61, 0x02, 0x00, 0x00]; // "a", null, then two stray bytes
        var file = new AvroTestFileWriter(Schema).WriteRawBlocks((1, data));

        var records = Read(sut, file);

        Assert.Equal(2, records.Count);
        Assert.Equal(
            $"The Avro file '{Source}' is corrupt at block 1: it has 2 bytes left after its 1 records where they "
            + "should fill it exactly.",
            records[1].ReadError);
    }

    [Fact]
    public void Read_DeflateBlockThatIsNotDeflate_EndsWithUnreadableRecord()
    {
        var sut = new OdlAvroReader();
        var file = new AvroTestFileWriter(Schema) { Codec = "deflate" }.WriteRawBlocks((1, [0xFF, 0xFF, 0xFF, 0xFF]));

        var record = Assert.Single(Read(sut, file));

        Assert.StartsWith(
            $"The Avro file '{Source}' is corrupt at block 1: its deflate data cannot be inflated",
            record.ReadError,
            StringComparison.Ordinal);
    }

    private static List<RawRecord> Read(OdlAvroReader sut, byte[] file) =>
        [.. sut.Read(new MemoryStream(file), Source, FieldMapping.Default)];

    private static void CorruptSyncMarkerOfBlock(byte[] file, int block)
    {
        // The header ends with the marker too, so block n's marker is occurrence n + 1.
        var marker = AvroTestFileWriter.SyncMarker;
        var offset = -1;
        for (var seen = 0; seen <= block; seen++)
        {
            offset += 1 + file.AsSpan(offset + 1).IndexOf(marker);
        }

        file[offset + 5] ^= 0xFF;
    }
}
