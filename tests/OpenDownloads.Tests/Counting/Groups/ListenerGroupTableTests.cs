using OpenDownloads.Counting;
using OpenDownloads.Counting.Groups;

namespace OpenDownloads.Tests.Counting.Groups;

public sealed class ListenerGroupTableTests
{
    private static readonly ListenerKey Hashed = new(0x0123_4567_89AB_CDEF, 0xFEDC_BA98_7654_3210, -1, 3, 4, 20_000);

    [Fact]
    public void GetOrAdd_NewKey_AddsItOnce()
    {
        var sut = new ListenerGroupTable();

        ref var added = ref sut.GetOrAdd(Hashed, out var existed);
        added.Group = new ListenerGroup(100, 2, Qualifies: true);
        ref var found = ref sut.GetOrAdd(Hashed, out var exists);

        Assert.False(existed);
        Assert.True(exists);
        Assert.Equal(1, sut.Count);
        Assert.Equal(Hashed, found.Key);
        Assert.Equal(new ListenerGroup(100, 2, Qualifies: true), found.Group);
    }

    [Fact]
    public void GetOrAdd_SetThroughTheReference_MergesInPlace()
    {
        var sut = new ListenerGroupTable();
        sut.GetOrAdd(Hashed, out _).Group = new ListenerGroup(100, 2, Qualifies: false);

        ref var entry = ref sut.GetOrAdd(Hashed, out _);
        entry.Group = entry.Group with { Qualifies = true };

        var position = Assert.Single(sut.Positions());
        Assert.Equal(new ListenerGroup(100, 2, Qualifies: true), sut[position].Group);
    }

    [Fact]
    public void GetOrAdd_AllZeroKey_IsARealKey()
    {
        var sut = new ListenerGroupTable();
        var zero = new ListenerKey(0, 0, EncodedIpTable.Hashed, 0, 0, 0);

        sut.GetOrAdd(zero, out var existed);
        sut.GetOrAdd(zero, out var exists);

        Assert.False(existed); // the episode is stored plus one, so a slot of zeroes is empty, not this key
        Assert.True(exists);
        Assert.Equal(zero, sut[Assert.Single(sut.Positions())].Key);
    }

    [Theory]
    [InlineData(0UL, 0UL)] // an MD5 of zero bytes
    [InlineData(0UL, 7UL)] // the bytes the other IP's id is stored in
    [InlineData(0UL, 0x8000_0000_0000_0007UL)] // and with a top bit set, as a flag might be
    [InlineData(ulong.MaxValue, 7UL)]
    public void GetOrAdd_OtherIpAndMd5WithTheSameBytes_AreTwoGroups(ulong ipHigh, ulong ipLow)
    {
        var sut = new ListenerGroupTable();
        var other = new ListenerKey(0, 0, OtherIpId: 7, UserAgentId: 1, EpisodeId: 2, Window: 3);
        var md5 = new ListenerKey(ipHigh, ipLow, EncodedIpTable.Hashed, 1, 2, 3);

        sut.GetOrAdd(other, out _);
        sut.GetOrAdd(md5, out var exists);

        Assert.False(exists);
        Assert.Equal(2, sut.Count);
        Assert.Equal(
            new HashSet<ListenerKey> { other, md5 },
            [.. sut.Positions().Select(position => sut[position].Key)]);
    }

    [Fact]
    public void GetOrAdd_OtherIpWithMd5Bytes_IsRefused()
    {
        var sut = new ListenerGroupTable();

        Assert.Throws<ArgumentException>(() => sut.GetOrAdd(new ListenerKey(0, 5, 7, 1, 2, 3), out _));
    }

    [Fact]
    public void Group_LargestIdsAndFlags_RoundTrip()
    {
        var sut = new ListenerGroupTable();
        var key = new ListenerKey(
            ulong.MaxValue, ulong.MaxValue, EncodedIpTable.Hashed, int.MaxValue, int.MaxValue - 1, -5);
        var other = new ListenerKey(0, 0, int.MaxValue, int.MaxValue, 0, int.MinValue);
        var group = new ListenerGroup(long.MaxValue, int.MaxValue, Qualifies: true);

        sut.GetOrAdd(key, out _).Group = group;
        sut.GetOrAdd(other, out _).Group = group with { Qualifies = false };

        var byKey = sut.Positions().ToDictionary(position => sut[position].Key, position => sut[position].Group);
        Assert.Equal(group, byKey[key]);
        Assert.Equal(group with { Qualifies = false }, byKey[other]);
    }

    [Fact]
    public void GetOrAdd_ManyKeysThroughManyResizes_HoldsWhatADictionaryHolds()
    {
        var random = new Random(20_221_003);
        var keys = Enumerable.Range(0, 60_000).Select(_ => RandomKey(random)).ToArray();
        var expected = new Dictionary<ListenerKey, ListenerGroup>();
        var sut = new ListenerGroupTable();

        // Repeats come back after the key's sub-table has grown several times, with groups merged as the counter does.
        for (var i = 0; i < 300_000; i++)
        {
            var key = keys[random.Next(Math.Min(keys.Length, 1 + (i / 4)))];
            var group = new ListenerGroup(random.Next(1000), random.Next(50), random.Next(4) == 0);
            ref var entry = ref sut.GetOrAdd(key, out var exists);
            entry.Group = exists ? Earlier(entry.Group, group) : group;
            expected[key] = expected.TryGetValue(key, out var kept) ? Earlier(kept, group) : group;
            Assert.Equal(expected.Count, sut.Count);
        }

        Assert.Equal(expected.Count, sut.Count);
        foreach (var (key, group) in expected)
        {
            Assert.Equal(group, sut.GetOrAdd(key, out var exists).Group);
            Assert.True(exists);
        }
    }

    [Fact]
    public void Positions_ManyKeys_GiveEachGroupOnce()
    {
        var random = new Random(7);
        var keys = Enumerable.Range(0, 20_000).Select(_ => RandomKey(random)).Distinct().ToList();
        var sut = new ListenerGroupTable();
        foreach (var key in keys)
        {
            sut.GetOrAdd(key, out _);
        }

        var positions = sut.Positions().ToList();

        Assert.Equal(positions.Count, positions.Distinct().Count());
        Assert.Equal(keys.ToHashSet(), positions.Select(position => sut[position].Key).ToHashSet());
    }

    [Fact]
    public void Entry_KeyAndGroupTogether_Take40Bytes()
    {
        Assert.Equal(40, System.Runtime.CompilerServices.Unsafe.SizeOf<ListenerGroupEntry>());
    }

    // Half MD5 keys, half other IPs, from small domains of ids so keys repeat and differ in one part only.
    private static ListenerKey RandomKey(Random random)
    {
        var agent = random.Next(20);
        var episode = random.Next(30);
        var window = 20_000 + random.Next(3);
        return random.Next(2) == 0
            ? new ListenerKey((ulong)random.NextInt64(), (ulong)random.NextInt64(), -1, agent, episode, window)
            : new ListenerKey(0, 0, random.Next(5_000), agent, episode, window);
    }

    private static ListenerGroup Earlier(ListenerGroup kept, ListenerGroup added)
    {
        var addedIsEarlier = added.EarliestTicks != kept.EarliestTicks
            ? added.EarliestTicks < kept.EarliestTicks
            : added.EarliestRefererId < kept.EarliestRefererId;
        var earliest = addedIsEarlier ? added : kept;
        return earliest with { Qualifies = kept.Qualifies || added.Qualifies };
    }
}
