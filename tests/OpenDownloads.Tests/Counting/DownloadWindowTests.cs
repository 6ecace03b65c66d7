using OpenDownloads.Counting;

namespace OpenDownloads.Tests.Counting;

public sealed class DownloadWindowTests
{
    private const long Day = 1_663_632_000; // 2022-09-20T00:00:00Z

    public static TheoryData<long, long, long> Cases => new()
    {
        { Day, 0, Day }, // midnight opens its own day
        { Day - 1, 0, Day - 86_400 }, // 23:59:59 belongs to the day before
        { Day + 3599, 3600, Day - 82_800 }, // with a one-hour offset, 00:59:59 is still the previous window
        { Day + 3600, 3600, Day + 3600 },
        { -1, 0, -86_400 }, // before the epoch the modulo stays non-negative, as in Python
        { Day, long.MinValue, Day - 55_808 }, // the smallest offset is 30,592 s into a day; no overflow
        { Day, long.MaxValue, Day - 30_593 }, // the largest is 55,807 s into a day
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Start_TimeAndOffset_ReturnsBeamFixedWindowStart(long unixSeconds, long offset, long expected)
    {
        Assert.Equal(expected, DownloadWindow.Start(unixSeconds, offset));
    }
}
