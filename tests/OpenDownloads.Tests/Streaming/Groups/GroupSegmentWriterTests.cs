using System.Buffers;
using Azure.Data.Tables;
using OpenDownloads.Streaming;
using OpenDownloads.Streaming.Days;
using OpenDownloads.Streaming.Groups;

namespace OpenDownloads.Tests.Streaming.Groups;

public sealed class GroupSegmentWriterTests
{
    private static readonly StreamDay Day = new(1_663_632_000);

    [Fact]
    public void Pack_GroupsFillingARowExactly_MakesOneRowWithinTheEntityLimits()
    {
        var groups = Filling(GroupSegmentLayout.PayloadBytes);

        var sut = Assert.Single(GroupSegmentWriter.Pack(Day, groups));

        Assert.Equal(GroupSegmentLayout.PayloadBytes, PayloadLength(sut.Entity));
        AssertWithinEntityLimits(sut.Entity);
        Assert.Equal(groups.Count, GroupSegmentReader.Read(sut.Entity).Count);
    }

    [Fact]
    public void Pack_OneByteMoreThanARow_StartsASecondRowAndLosesNothing()
    {
        var groups = Filling(GroupSegmentLayout.PayloadBytes + 1);

        var sut = GroupSegmentWriter.Pack(Day, groups);

        Assert.Equal(2, sut.Count);
        Assert.All(sut, segment => AssertWithinEntityLimits(segment.Entity));
        var read = sut.SelectMany(segment => GroupSegmentReader.Read(segment.Entity)).ToList();
        Assert.Equal(groups.Select(g => (g.Key.EncodedIp, g.Key.UserAgent, g.State)),
            read.Select(e => (e.EncodedIp, e.UserAgent, e.State)));
    }

    [Fact]
    public void Pack_SameGroupsTwice_NamesTheSameRowInTheDaysPartitionOfItsHash()
    {
        var groups = Filling(10_000);

        var first = Assert.Single(GroupSegmentWriter.Pack(Day, groups)).Entity;
        var second = Assert.Single(GroupSegmentWriter.Pack(Day, groups)).Entity;

        Assert.Equal(first.RowKey, second.RowKey);
        Assert.Equal($"g20220920T0000-{first.RowKey[0]}", first.PartitionKey);
        Assert.Contains(first.PartitionKey, GroupSegmentLayout.Partitions(Day));
    }

    [Fact]
    public void Read_RowOfTheOlderOneRowPerGroupLayout_ThrowsNamingTheRow()
    {
        var old = new TableEntity("g20220920T0000-a", "a1b2") { ["Ip"] = "x", ["Agent"] = "y", ["Qualifies"] = true };

        var error = Assert.Throws<StreamingException>(() => GroupSegmentReader.Read(old));

        Assert.Contains("'a1b2' of partition 'g20220920T0000-a'", error.Message, StringComparison.Ordinal);
        Assert.Contains("older version", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_RowMissingAProperty_ThrowsDamaged()
    {
        var entity = Assert.Single(GroupSegmentWriter.Pack(Day, Filling(200_000))).Entity;
        entity.Remove(GroupSegmentLayout.PropertyName(1));

        var error = Assert.Throws<StreamingException>(() => GroupSegmentReader.Read(entity));

        Assert.Contains("damaged", error.Message, StringComparison.Ordinal);
    }

    // Groups whose entries add up to exactly the given number of bytes: all alike but the last, whose user agent
    // (under 64 characters, so its header is one byte) takes up what is left.
    private static List<PlannedGroup> Filling(int bytes)
    {
        var state = new GroupState(true, 638_000_000_000_000_000, "r");
        var bare = Size(new GroupEntry("ip00000000", "", "/ep.mp3", state));
        var whole = bare + 30;
        var count = (bytes - bare) / whole;
        var groups = Enumerable.Range(0, count + 1).Select(i =>
        {
            var agent = new string('a', i < count ? 30 : bytes - (count * whole) - bare);
            var key = new GroupKey(Day, $"ip{i:D8}", agent, "/ep.mp3");
            return new PlannedGroup(key, state with { Qualifies = i % 3 == 0, EarliestTicks = state.EarliestTicks + i },
                false);
        }).ToList();
        Assert.Equal(bytes, groups.Sum(g => Size(new GroupEntry(g.Key.EncodedIp, g.Key.UserAgent, g.Key.EpisodeId,
            g.State))));
        return groups;
    }

    private static int Size(GroupEntry entry)
    {
        var writer = new ArrayBufferWriter<byte>();
        GroupEntryCodec.Write(writer, entry);
        return writer.WrittenCount;
    }

    private static int PayloadLength(TableEntity entity) =>
        entity.Keys.Where(k => k is ['P', >= '0' and <= '9', >= '0' and <= '9']).Sum(k => entity.GetBinary(k)!.Length);

    // Table storage's published sizing: 4 bytes, the keys in UTF-16, and per property 8 bytes, its name in UTF-16 and
    // its value (4 + length for binary, 4 for Int32).
    private static void AssertWithinEntityLimits(TableEntity entity)
    {
        long size = 4 + ((entity.PartitionKey.Length + entity.RowKey.Length) * 2);
        var properties = entity.Keys.Where(k => k is not ("PartitionKey" or "RowKey" or "odata.etag" or "Timestamp"))
            .ToList();
        foreach (var name in properties)
        {
            var value = entity[name];
            size += 8 + (name.Length * 2) + (value is byte[] bytes ? 4 + bytes.Length : 4);
            if (value is byte[] binary)
            {
                Assert.InRange(binary.Length, 1, 64 * 1024);
            }
        }

        Assert.InRange(properties.Count, 1, 252);
        Assert.InRange(size, 1, 1024 * 1024);
    }
}
