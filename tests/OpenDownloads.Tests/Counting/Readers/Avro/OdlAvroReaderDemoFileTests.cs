using OpenDownloads.Counting.Readers;
using OpenDownloads.Counting.Readers.Avro;
using OpenDownloads.Tests.TestData;

namespace OpenDownloads.Tests.Counting.Readers.Avro;

/// <summary>
/// Reads oDL's own demo file. The expected numbers were computed by decoding the file independently (a short
/// Python decoder written from the spec) and cross-checked against the file's raw bytes with grep.
/// </summary>
public sealed class OdlAvroReaderDemoFileTests
{
    private static readonly string DemoFile = SharedData.Path("odl", "demo.odl.avro");

    public static TheoryData<OdlField, int> DistinctValues => new()
    {
        { OdlField.EncodedIp, 256 }, // the demo's listeners, hashed
        { OdlField.UserAgent, 64 }, // browsers and podcast apps
        { OdlField.EpisodeId, 37 }, // 37 enclosure URLs; a research note's "12" matches the file's 12 blocks instead
        { OdlField.HttpMethod, 1 }, // every event is a GET
        { OdlField.Referer, 1 }, // every referer is empty
    };

    [Fact]
    public void Read_DemoFile_Yields606ReadableRecords()
    {
        var sut = new OdlAvroReader();

        var records = Read(sut);

        Assert.Equal(606, records.Count);
        Assert.All(records, record => Assert.Null(record.ReadError));
        Assert.Equal(Enumerable.Range(1, 606).Select(i => (long)i), records.Select(record => record.Location.Record));
    }

    [Fact]
    public void Read_DemoFile_FirstRecordMatchesOdl()
    {
        var sut = new OdlAvroReader();

        var first = Read(sut)[0];

        Assert.Equal("b91dedca528fd7561eb2ff4aa62d8505", first[OdlField.EncodedIp]);
        Assert.Equal("GET", first[OdlField.HttpMethod]);
        Assert.Equal("2022-09-20T00:08:03.328000+00:00", first[OdlField.Timestamp]);
        Assert.Equal("", first[OdlField.Referer]);
        Assert.Null(first[OdlField.ByteRangeStart]);
    }

    [Fact]
    public void Read_DemoFile_LastRecordMatchesOdl()
    {
        var sut = new OdlAvroReader();

        var last = Read(sut)[^1];

        Assert.Equal("8f41a6c042a08b68089115362be2362f", last[OdlField.EncodedIp]);
        Assert.Equal("2022-09-20T23:10:51.883000+00:00", last[OdlField.Timestamp]);
    }

    [Theory]
    [MemberData(nameof(DistinctValues))]
    public void Read_DemoFile_HasTheDistinctValuesFoundIndependently(OdlField field, int expected)
    {
        var sut = new OdlAvroReader();

        var records = Read(sut);

        Assert.Equal(expected, records.Select(record => record[field]).Distinct().Count());
    }

    [Fact]
    public void Read_DemoFile_CarriesNoRawIp()
    {
        var sut = new OdlAvroReader();

        var records = Read(sut);

        Assert.All(records, record => Assert.False(record.Has(OdlField.Ip)));
    }

    [Fact]
    public void Read_DemoFile_HasTheRangesFoundIndependently()
    {
        var sut = new OdlAvroReader();

        var ranges = Read(sut).CountBy(record => (record[OdlField.ByteRangeStart], record[OdlField.ByteRangeEnd]))
            .ToDictionary();

        Assert.Equal(51, ranges[("0", "1")]);
        Assert.Equal(547, ranges[(null, null)]);
        Assert.Equal(1, ranges[("23954", "25297887")]);
        Assert.Equal(10, ranges.Count); // 0-1, no range, and eight other closed ranges
    }

    private static List<RawRecord> Read(OdlAvroReader sut)
    {
        using var stream = File.OpenRead(DemoFile);
        return [.. sut.Read(stream, "demo.odl.avro", FieldMapping.Default)];
    }
}
