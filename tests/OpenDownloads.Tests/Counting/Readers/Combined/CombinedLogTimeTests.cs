using OpenDownloads.Counting.Preparation;
using OpenDownloads.Counting.Readers.Combined;

namespace OpenDownloads.Tests.Counting.Readers.Combined;

public sealed class CombinedLogTimeTests
{
    public static TheoryData<string, string?, string> Times { get; } = new()
    {
        { "10/Oct/2000:13:55:36 -0700", "2000-10-10T20:55:36Z", "Apache's own example, seven hours west" },
        { "20/Sep/2022:00:08:03 +0000", "2022-09-20T00:08:03Z", "UTC" },
        { "01/Jan/2023:00:30:00 +0100", "2022-12-31T23:30:00Z", "an offset that moves the day back" },
        { "10/oct/2000:13:55:36 -0700", null, "month names are capitalised as logged" },
        { "10/Oct/2000:13:55:36", null, "no offset" },
        { "2000-10-10T13:55:36Z", null, "ISO 8601 is not the log format" },
        { "10/Oct/2000:1x:55:36 -0700", null, "a letter in the hour" },
        { "99/Sep/2022:01:10:03 +0000", null, "day 99" },
        { "20/Sep/2022:24:08:03 +0000", null, "hour 24" },
        { "29/Feb/2023:00:00:00 +0000", null, "no 29 February in 2023" },
        { "29/Feb/2024:00:00:00 +0000", "2024-02-29T00:00:00Z", "a leap day" },
    };

    [Theory]
    [MemberData(nameof(Times))]
    public void TryParse_LogTime_GivesTheSameInstant(string text, string? expectedUtc, string reason)
    {
        var parsed = CombinedLogTime.TryParse(text, out var sut);

        Assert.True(parsed == (expectedUtc is not null), reason);
        if (expectedUtc is not null)
        {
            Assert.Equal(OdlTimestamp.ParseUtcTicks(expectedUtc), OdlTimestamp.ParseUtcTicks(sut));
        }
    }
}
