using OpenDownloads.Agents;
using OpenDownloads.Counting;
using OpenDownloads.Counting.Preparation;
using OpenDownloads.Tests.TestData;

namespace OpenDownloads.Tests.Counting;

/// <summary>
/// The counter sorts compact rows by time and breaks ties from its group table; its downloads must come out exactly
/// as <see cref="DownloadOrder"/> orders the downloads themselves.
/// </summary>
public sealed class DownloadRowOrderTests
{
    private const long Day = 1_663_632_000 * TimeSpan.TicksPerSecond + 621_355_968_000_000_000; // 2022-09-20 UTC

    private static readonly Lazy<AgentClassifier> Agents = new(() =>
    {
        using var list = File.OpenRead(SharedData.Path("opawg-v1", "user-agents.json"));
        return AgentClassifier.Load(list, "user-agents.json");
    });

    private static readonly string[] UserAgents =
    [
        "AppleCoreMedia/1.0.0.19G82 (iPhone; U; CPU OS 15_6_1 like Mac OS X; en_us)", "okhttp/4.9.1", "Overcast/3.0",
    ];

    [Theory]
    [InlineData(50, 3)] // a few ties, sorted on one thread
    [InlineData(12_000, 2)] // thousands of tied rows (over 4096), sorted on every core
    [InlineData(3_000, 400)] // ties of a few rows each
    public void GetDownloads_TimesInWholeSeconds_AreInDownloadOrder(int requests, int seconds)
    {
        var random = new Random(requests);
        var sut = new DownloadCounter(Agents.Value);
        for (var i = 0; i < requests; i++)
        {
            // IPs of both kinds, so ids and listener hashes come from MD5 keys and other encoded IPs alike.
            var ip = random.Next(100) is var n && n % 2 == 0 ? IpHasher.Md5Hex("ip" + n) : "other-ip-" + n;
            sut.Add(new RequestEvent(
                ip,
                UserAgents[random.Next(UserAgents.Length)],
                "",
                "GET",
                Day + (random.Next(seconds) * TimeSpan.TicksPerSecond),
                "/episode-" + random.Next(60) + ".mp3",
                ByteRange.Full));
        }

        var downloads = sut.GetDownloads().ToList();

        Assert.True(downloads.Count > requests / 4);
        Assert.Equal(downloads.Order(DownloadOrder.Instance), downloads);
    }
}
