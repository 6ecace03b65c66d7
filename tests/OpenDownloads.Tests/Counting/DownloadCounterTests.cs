using System.Buffers.Binary;
using FsCheck;
using FsCheck.Fluent;
using OpenDownloads.Agents;
using OpenDownloads.Counting;
using OpenDownloads.Counting.Preparation;
using OpenDownloads.Tests.TestData;

namespace OpenDownloads.Tests.Counting;

public sealed class DownloadCounterTests
{
    private const long Day = 1_663_632_000 * TimeSpan.TicksPerSecond + 621_355_968_000_000_000; // 2022-09-20 UTC
    private const string Chrome =
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/105.0.0.0 Safari/537.36";

    private static readonly Lazy<AgentClassifier> Agents = new(() =>
    {
        using var list = File.OpenRead(SharedData.Path("opawg-v1", "user-agents.json"));
        return AgentClassifier.Load(list, "user-agents.json");
    });

    private static readonly string[] UserAgents =
    [
        Chrome, "AppleCoreMedia/1.0.0.19G82 (iPhone; U; CPU OS 15_6_1 like Mac OS X; en_us)", "", "okhttp/4.9.1",
    ];

    [Fact]
    public void GetDownloads_ProbeThenFullRequest_DatesTheDownloadByTheProbe()
    {
        var sut = new DownloadCounter(Agents.Value);

        sut.Add(Request("GET", Day + Minutes(10), new ByteRange(null, null)));
        sut.Add(Request("HEAD", Day + Minutes(1), new ByteRange(null, null)));
        sut.Add(Request("GET", Day + Minutes(5), new ByteRange(0, 1)));

        var download = Assert.Single(sut.GetDownloads());
        Assert.Equal(Day + Minutes(1), download.UtcTicks); // the earliest request, even a HEAD, dates the group
        Assert.Equal("Google Chrome", download.App);
        Assert.Equal(IpHasher.Md5Hex("ip^" + Chrome + "^/e.mp3"), download.Id);
        Assert.Equal(IpHasher.Md5Hex("ip^" + Chrome), download.ListenerId);
    }

    [Fact]
    public void GetDownloads_OnlyProbes_IsNoDownload()
    {
        var sut = new DownloadCounter(Agents.Value);

        sut.Add(Request("GET", Day, new ByteRange(0, 1)));
        sut.Add(Request("GET", Day + Minutes(1), new ByteRange(0, 1)));

        Assert.Empty(sut.GetDownloads());
        Assert.Equal(1, sut.GroupCount);
    }

    [Fact]
    public void GetDownloads_SameListenerOnTwoDays_IsTwoDownloads()
    {
        var sut = new DownloadCounter(Agents.Value);

        sut.Add(Request("GET", Day + TimeSpan.TicksPerDay - TimeSpan.TicksPerSecond, ByteRange.Full)); // 23:59:59
        sut.Add(Request("GET", Day + TimeSpan.TicksPerDay, ByteRange.Full)); // 00:00:00 the next day

        Assert.Equal(2, sut.GetDownloads().Count);
    }

    [Fact]
    public void GetDownloads_OffsetMovesTheBoundary_IsOneDownload()
    {
        var sut = new DownloadCounter(Agents.Value, offsetSeconds: 3600);

        sut.Add(Request("GET", Day + TimeSpan.TicksPerDay - TimeSpan.TicksPerSecond, ByteRange.Full));
        sut.Add(Request("GET", Day + TimeSpan.TicksPerDay, ByteRange.Full));

        Assert.Single(sut.GetDownloads());
    }

    [Fact]
    public void Add_Bot_IsCountedAndNeverGrouped()
    {
        var sut = new DownloadCounter(Agents.Value);

        sut.Add(Request("GET", Day, ByteRange.Full) with { UserAgent = "   " });

        Assert.Equal(1, sut.BotEvents);
        Assert.Equal(0, sut.GroupCount);
    }

    [Fact]
    public void GetDownloads_UnknownAgent_UsesDeviceAndOs()
    {
        var sut = new DownloadCounter(Agents.Value);

        sut.Add(Request("GET", Day, ByteRange.Full) with { UserAgent = "okhttp/4.9.1" });

        Assert.Equal("Unknown.Unknown", Assert.Single(sut.GetDownloads()).App);
    }

    [Fact]
    public void GetDownloads_AnyOrderAnyRepeats_GivesTheSameDownloads()
    {
        var events = Gen.Choose(0, 199).Select(ToRequest).ListOf();
        var orders = events.SelectMany(list => Gen.Shuffle(list.ToArray()).Select(shuffled => (list, shuffled)));

        Prop.ForAll(orders.ToArbitrary(), pair =>
        {
            var (list, shuffled) = pair;
            var once = Count(list);
            var reordered = Count(shuffled);
            var twice = Count(shuffled.Concat(list.Take(list.Count / 2)));
            return once.SequenceEqual(reordered) && once.SequenceEqual(twice);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Add_HashAsBytes_GivesTheDownloadsOfItsHexText()
    {
        var requests = Enumerable.Range(0, 200).Select(ToRequest).Select(WithHashedIp).ToList();
        var sut = new DownloadCounter(Agents.Value);
        foreach (var request in requests)
        {
            var hash = Convert.FromHexString(request.EncodedIp);
            sut.Add(
                request,
                BinaryPrimitives.ReadUInt64BigEndian(hash),
                BinaryPrimitives.ReadUInt64BigEndian(hash.AsSpan(8)));
        }

        Assert.Equal(Count(requests), [.. sut.GetDownloads()]);
    }

    [Fact]
    public void Report_TotalsFromRows_MatchTotalsOfTheDownloads()
    {
        var sut = new DownloadCounter(Agents.Value);
        var requests = Enumerable.Range(0, 200).Select(ToRequest);
        foreach (var request in requests.Concat(requests.Select(WithHashedIp)))
        {
            sut.Add(request);
        }

        var report = sut.Report(events: 400, deniedIp: 0, rejected: 0);

        var expected = new CountReport(400, 0, sut.BotEvents, 0, [.. report.Downloads]);
        Assert.NotEmpty(report.Downloads);
        Assert.Equal(expected.ByEpisode, report.ByEpisode);
        Assert.Equal(expected.ByApp, report.ByApp);
        Assert.Equal(expected.ByHour, report.ByHour);
    }

    [Fact]
    public void GetDownloads_ReadAfterAnotherAdd_Throws()
    {
        var sut = new DownloadCounter(Agents.Value);
        sut.Add(Request("GET", Day, ByteRange.Full));
        var downloads = sut.GetDownloads();

        sut.Add(Request("GET", Day, ByteRange.Full) with { EpisodeId = "/other.mp3" });

        // The downloads are read from groups that have moved on (and may have moved in memory).
        Assert.Throws<InvalidOperationException>(() => downloads[0]);
        Assert.Equal(2, sut.GetDownloads().Count);
    }

    private static RequestEvent WithHashedIp(RequestEvent request) =>
        request with { EncodedIp = IpHasher.Md5Hex(request.EncodedIp) };

    private static List<Download> Count(IEnumerable<RequestEvent> requests)
    {
        var sut = new DownloadCounter(Agents.Value);
        foreach (var request in requests)
        {
            sut.Add(request);
        }

        return [.. sut.GetDownloads()];
    }

    // A small domain so that groups collide: 2 IPs, 4 agents (one a bot), 2 episodes, ties in time, every range kind.
    private static RequestEvent ToRequest(int seed)
    {
        ByteRange[] ranges = [ByteRange.Full, new(0, 1), new(0, null), new(5, 5), new(100, 200), new(0, 0)];
        return new RequestEvent(
            "ip" + (seed % 2),
            UserAgents[(seed / 2) % UserAgents.Length],
            seed % 3 == 0 ? "ref-b" : "ref-a",
            seed % 7 == 0 ? "HEAD" : "GET",
            Day + (seed % 5 * TimeSpan.TicksPerHour * 11),
            seed % 4 < 2 ? "/a.mp3" : "/b.mp3",
            ranges[seed % ranges.Length]);
    }

    [Theory]
    [InlineData("0123456789ABCDEF0123456789ABCDEF", 2, "an upper-case MD5 is not its lower case")]
    [InlineData("1234567890123456789012345678901-", 1, "hex digits up to the last character")]
    public void GetDownloads_ThirtyTwoCharactersThatAreNoLowerCaseHash_CountsThemAsTheirOwnEncodedIp(
        string encodedIp,
        int expectedDownloads,
        string reason)
    {
        var sut = new DownloadCounter(Agents.Value);

        sut.Add(new RequestEvent(encodedIp, Chrome, "", "GET", Day, "/e.mp3", new ByteRange(null, null)));
        sut.Add(new RequestEvent(encodedIp.ToLowerInvariant(), Chrome, "", "GET", Day, "/e.mp3", new(null, null)));

        var downloads = sut.GetDownloads();
        Assert.True(downloads.Count == expectedDownloads, reason);
        Assert.Contains(downloads, download => download.EncodedIp == encodedIp);
    }

    private static RequestEvent Request(string method, long ticks, ByteRange range) =>
        new("ip", Chrome, "", method, ticks, "/e.mp3", range);

    private static long Minutes(int minutes) => minutes * TimeSpan.TicksPerMinute;
}
