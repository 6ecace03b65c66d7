using OpenDownloads.Agents;

namespace OpenDownloads.Tests.Agents;

public sealed class PlayerInfoTests
{
    public static TheoryData<PlayerInfo, string> DisplayApps => new()
    {
        { new PlayerInfo("Apple Podcasts", "phone", "ios", false), "Apple Podcasts" }, // a named app is kept
        { new PlayerInfo("Unknown", "phone", "ios", false), "phone.ios" }, // AppleCoreMedia on an iPhone
        { new PlayerInfo("Unknown", "Unknown", "android", false), "Unknown.android" }, // Dalvik gives only the OS
        { new PlayerInfo("Unknown", "Unknown", "Unknown", false), "Unknown.Unknown" }, // nothing matched
    };

    [Theory]
    [MemberData(nameof(DisplayApps))]
    public void DisplayApp_AppKnownOrUnknown_FollowsOdl(PlayerInfo sut, string expected)
    {
        Assert.Equal(expected, sut.DisplayApp);
    }
}
