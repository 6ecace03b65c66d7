using System.Buffers;
using OpenDownloads.Counting.Readers.Avro;

namespace OpenDownloads.Tests.Counting.Readers.Avro;

public sealed class AvroVarintTests
{
    public static TheoryData<byte[], long, int> Encodings => new()
    {
        { [0x00], 0, 1 }, // zero is a single zero byte
        { [0x01], -1, 1 }, // zig-zag puts negatives on odd numbers
        { [0x02], 1, 1 }, // and positives on even ones
        { [0x7F], -64, 1 }, // the largest single byte
        { [0x80, 0x01], 64, 2 }, // the first two-byte value
        { [0xC8, 0x07], 484, 2 }, // the demo file's schema length
        { [0x02, 0xFF], 1, 1 }, // bytes after the varint are not read
        { [0xFE, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01], long.MaxValue, 10 }, // the longest positive
        { [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01], long.MinValue, 10 }, // the longest negative
    };

    [Theory]
    [MemberData(nameof(Encodings))]
    public void TryRead_ValidVarint_DecodesZigZag(byte[] source, long expected, int expectedLength)
    {
        var status = AvroVarint.TryRead(source, out var value, out var consumed);

        Assert.Equal((OperationStatus.Done, expected, expectedLength), (status, value, consumed));
    }

    [Fact]
    public void TryRead_SourceEndsInsideVarint_NeedsMoreData()
    {
        var status = AvroVarint.TryRead([0x80, 0x80], out _, out var consumed);

        Assert.Equal((OperationStatus.NeedMoreData, 0), (status, consumed));
    }

    [Fact]
    public void TryRead_ElevenByteVarint_IsInvalid()
    {
        byte[] source = [0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x01];

        var status = AvroVarint.TryRead(source, out _, out _);

        Assert.Equal(OperationStatus.InvalidData, status);
    }
}
