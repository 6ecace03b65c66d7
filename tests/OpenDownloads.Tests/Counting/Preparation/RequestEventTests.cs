using OpenDownloads.Counting.Preparation;

namespace OpenDownloads.Tests.Counting.Preparation;

public sealed class RequestEventTests
{
    public static TheoryData<string, long?, long?, bool> Rule => new()
    {
        { "GET", null, null, true }, // a full request
        { "get", null, null, true }, // any case of GET
        { "HEAD", null, null, false }, // only GET counts
        { "GET", 0, null, true }, // bytes=0- is open-ended
        { "GET", 500, null, true },
        { "GET", 0, 0, true }, // oDL's falsy test makes bytes=0-0 a full request
        { "GET", 5, 0, true }, // an end of 0 counts as open
        { "GET", 0, 1, false }, // the two-byte probe
        { "GET", 1, 1, false }, // every range ending at byte 1 is excluded
        { "GET", 7, 7, false }, // size end-start is 0
        { "GET", 100, 101, true }, // size 1 is more than zero
        { "GET", 200, 100, true }, // a reversed range counts: oDL takes the absolute size
    };

    [Theory]
    [MemberData(nameof(Rule))]
    public void Qualifies_MethodAndRange_FollowsOdlRangeRule(string method, long? start, long? end, bool expected)
    {
        var sut = new RequestEvent("ip", "ua", "", method, 0, "ep", new ByteRange(start, end));

        Assert.Equal(expected, sut.Qualifies);
    }

    [Fact]
    public void UnixSeconds_FractionalTime_Truncates()
    {
        var ticks = new DateTime(2022, 9, 20, 0, 0, 1, 999, DateTimeKind.Utc).Ticks;
        var sut = new RequestEvent("ip", "ua", "", "GET", ticks, "ep", ByteRange.Full);

        Assert.Equal(1_663_632_001, sut.UnixSeconds);
    }
}
