using System.Buffers;
using OpenDownloads.Counting.Preparation;
using OpenDownloads.Streaming.Groups;

namespace OpenDownloads.Tests.Streaming.Groups;

public sealed class GroupEntryCodecTests
{
    public static TheoryData<string, string, string, string, string> Entries { get; } = new()
    {
        { "abc123", "Overcast/3.0", "https://cdn.example.com/ep1.mp3", "", "plain ASCII, no referer" },
        { "abc123", "Pódcast Äpp/1.0 🎧", "/épisode.mp3", "https://exämple.com/", "non-ASCII UTF-8" },
        { "abc123", "Agent\ud800X", "/ep.mp3", "r", "a lone surrogate, which UTF-8 cannot carry" },
        { "", "", "", "", "all empty" },
        { new string('i', 200), new string('a', 70_000), "/ep.mp3", "r", "a string past one 64 KiB property" },
    };

    [Theory]
    [MemberData(nameof(Entries))]
    public void Read_WrittenEntry_GivesItBackExactly(string ip, string agent, string episode, string referer,
        string reason)
    {
        var entry = new GroupEntry(ip, agent, episode, new GroupState(true, 638_000_000_000_000_000, referer));
        var writer = new ArrayBufferWriter<byte>();
        GroupEntryCodec.Write(writer, entry);
        GroupEntryCodec.Write(writer, entry with { State = new GroupState(false, 1, "x") });

        ReadOnlySpan<byte> rest = writer.WrittenSpan;
        var sut = GroupEntryCodec.Read(ref rest);
        var second = GroupEntryCodec.Read(ref rest);

        Assert.True(entry == sut, reason);
        Assert.Equal(new GroupState(false, 1, "x"), second.State);
        Assert.True(rest.IsEmpty, reason);
    }

    [Fact]
    public void Read_LoneSurrogatesThatUtf8WouldReplace_StayTwoDifferentGroups()
    {
        var writer = new ArrayBufferWriter<byte>();
        GroupEntryCodec.Write(writer, new GroupEntry("ip", "A\ud800", "/e", new GroupState(true, 0, "")));
        GroupEntryCodec.Write(writer, new GroupEntry("ip", "A\ud801", "/e", new GroupState(true, 0, "")));

        ReadOnlySpan<byte> rest = writer.WrittenSpan;
        var first = GroupEntryCodec.Read(ref rest);
        var second = GroupEntryCodec.Read(ref rest);

        Assert.NotEqual(first.UserAgent, second.UserAgent);
    }

    [Fact]
    public void Read_EntryCutShort_ThrowsFormatExceptionNamingTheLength()
    {
        var writer = new ArrayBufferWriter<byte>();
        GroupEntryCodec.Write(writer, new GroupEntry("ip", "agent", "/episode.mp3", new GroupState(true, 5, "")));
        var cut = writer.WrittenSpan[..^3].ToArray();

        var error = Assert.Throws<FormatException>(() =>
        {
            ReadOnlySpan<byte> rest = cut;
            GroupEntryCodec.Read(ref rest);
        });

        Assert.Contains("bytes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_EveryStringAtTheFieldLimitInThreeByteCharacters_FitsInOneSegmentRow()
    {
        // odl count's preparation refuses a longer field, and no character takes more than 3 UTF-8 bytes per
        // UTF-16 unit: this is the largest entry a request can make.
        var longest = new string('\u20ac', EventPreparer.MaxFieldLength);
        var writer = new ArrayBufferWriter<byte>();

        GroupEntryCodec.Write(writer, new GroupEntry(longest, longest, longest, new GroupState(true, 0, longest)));

        Assert.InRange(writer.WrittenCount, EventPreparer.MaxFieldLength * 12, GroupSegmentLayout.PayloadBytes);
    }
}
