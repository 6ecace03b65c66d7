using System.Text;
using System.Text.Json;
using OpenDownloads.Counting.Readers;
using OpenDownloads.Streaming.Input;
using OpenDownloads.Tests.Streaming.Input;

namespace OpenDownloads.Tests.Streaming;

/// <summary>One batch with every kind of bad record among good ones, against Azurite.</summary>
[Collection(AzuriteSerial.Name)]
public sealed class DeadLetterAzuriteTests
{
    private const string Chrome =
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/105.0.0.0 Safari/537.36";

    // Each bad body with the number of records it rejects and a phrase of the reason.
    private static readonly (string Body, int Rejected, string Reason)[] BadBodies =
    [
        ("{\"ip\": \"203.0.113.9\", \"userAgent\": ", 1, "not valid JSON"),
        ($"[{Good("203.0.113.21", "/array.mp3")}, 7]", 1, "each event must be an object"),
        ("{\"records\": [3, {\"time\": \"2022-09-20T10:00:00Z\"}]}", 2, "Azure Monitor record must be an object"),
        ("hello, not a log", 1, "not JSON or a combined log line"),
        (Good("203.0.113.22", "/a.mp3").Replace("2022-09-20T10:00:00Z", "20/Sep/2022:10:00:00 +0000", StringComparison.Ordinal), 1,
            "is not an ISO 8601 time"),
        (Good("203.0.113.23", "/a.mp3").Replace("}", ",\"range\":\"bytes=-500\"}", StringComparison.Ordinal), 1,
            "has no bytes=START-END"),
        ("{\"user_agent\":\"x\",\"url\":\"/a.mp3\",\"method\":\"GET\",\"timestamp\":\"2022-09-20T10:00:00Z\"}", 1,
            "has no ip or encoded_ip"),
        (Good("999.1.1.1", "/a.mp3"), 1, "is not an IPv4 or IPv6 address"),
        (Good("203.0.113.24", "/a.mp3").Replace(Chrome, new string('x', 9000), StringComparison.Ordinal), 1,
            "at most 8192 are accepted"),
        (FrontDoorPair("203.0.113.30", "\\ud800"), 1, "has a field that is not valid text"),
    ];

    private static readonly string[] GoodBodies =
    [
        Good("203.0.113.1", "/odl.mp3"),
        EventBodies.FrontDoor,
        EventBodies.StorageBlob,
        EventBodies.CombinedWithRange.Replace("bytes=0-1", "bytes=0-", StringComparison.Ordinal),
    ];

    [Fact]
    public async Task Handle_BatchWithEveryKindOfBadRecord_CountsAllGoodRecordsAndDeadLettersTheBad()
    {
        await using var harness = await StreamHarness.StartAsync();
        var bodies = GoodBodies.Select(Encoding.UTF8.GetBytes)
            .Concat(BadBodies.Select(b => Encoding.UTF8.GetBytes(b.Body)))
            .Append([.. Encoding.UTF8.GetBytes(Good("203.0.113.25", "/a.mp3"))[..20], 0xFF, 0xFE, (byte)'"', (byte)'}'])
            .ToList();
        var events = bodies.Select((body, i) => new StreamEvent(body, 100 + i, DateTimeOffset.UnixEpoch, $"{i}")).ToList();

        var summary = await harness.Pipeline.Handler.HandleAsync("3", events, CancellationToken.None);
        var closed = Assert.Single(await harness.CloseAllAsync());

        var rejected = BadBodies.Sum(b => b.Rejected) + 1;
        Assert.Equal(rejected, summary.Rejected);
        Assert.Equal(3, summary.Skipped);
        var expected = OdlCountReference.Count(ReadAll(bodies), StreamHarness.Salt);
        Assert.Equal(6, expected.Total);
        Assert.Equal(expected.Downloads, closed.Report.Downloads);
        var undated = await harness.Pipeline.Closer.ReadUndatedAsync(CancellationToken.None);
        Assert.Equal(rejected, closed.Report.Rejected + undated.Rejected);
        Assert.Equal(expected.Events, closed.Report.Events + undated.Events);

        var line = Assert.Single(harness.Logs.Messages(4001));
        Assert.StartsWith($"Counted a batch from partition 3: {bodies.Count} events, ", line, StringComparison.Ordinal);
        Assert.Contains($"6 downloads added, 0 bots, 0 denied IPs, {rejected} rejects, 0 late, 3 skipped, in ", line,
            StringComparison.Ordinal);

        var logs = string.Join('\n', harness.Logs.Lines.Select(l => l.Message));
        Assert.DoesNotContain("203.0.113.", logs, StringComparison.Ordinal);
        Assert.DoesNotContain("999.1.1.1", logs, StringComparison.Ordinal);

        var blob = Assert.Single(await harness.ListAsync("deadletter/"));
        Assert.Equal("deadletter/2022/09/20/p3-0000000000000000100-0000000000000000114.jsonl", blob);
        var lines = (await harness.ReadTextAsync(blob)).TrimEnd('\n').Split('\n');
        Assert.Equal(rejected, lines.Length);
        var reasons = lines.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("reason").GetString()!).ToList();
        foreach (var (_, _, reason) in BadBodies)
        {
            Assert.Contains(reasons, r => r.Contains(reason, StringComparison.Ordinal));
        }

        Assert.Contains(reasons, r => r.Contains("not valid UTF-8", StringComparison.Ordinal));
        Assert.DoesNotContain("203.0.113.2", string.Join('\n', lines), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Handle_EventWithAnOrigin_DeadLetterNamesTheFileLineAndEventHubEventsKeepTheBodyLine()
    {
        await using var harness = await StreamHarness.StartAsync();
        var body = Encoding.UTF8.GetBytes("not a log line");
        StreamEvent[] events =
        [
            new(body, 7, DateTimeOffset.UnixEpoch, "7", new RecordLocation("logs/access.log", 42, 40)),
            new(body, 8, DateTimeOffset.UnixEpoch, "8"),
        ];

        await harness.Pipeline.Handler.HandleAsync("0", events, CancellationToken.None);

        var blob = Assert.Single(await harness.ListAsync("deadletter/"));
        var lines = (await harness.ReadTextAsync(blob)).TrimEnd('\n').Split('\n')
            .Select(line => JsonDocument.Parse(line).RootElement).ToList();
        Assert.Equal(
            ("logs/access.log", 42L, 40L, 1L),
            (lines[0].GetProperty("file").GetString(), lines[0].GetProperty("file_line").GetInt64(),
                lines[0].GetProperty("file_record").GetInt64(), lines[0].GetProperty("line").GetInt64()));
        Assert.False(lines[1].TryGetProperty("file", out _));
        Assert.Equal(1, lines[1].GetProperty("line").GetInt64());
    }

    // A good Front Door record and, in the same envelope, one whose user agent cannot be read as text.
    private static string FrontDoorPair(string ip, string badUserAgent)
    {
        var record = "{\"time\": \"2022-09-20T10:15:00Z\", \"category\": \"FrontDoorAccessLog\", \"properties\": "
            + $"{{\"httpMethod\": \"GET\", \"requestUri\": \"https://cdn.example.com/ep9.mp3\", \"clientIp\": \"{ip}\", "
            + "\"userAgent\": \"UA\"}}";
        return $"{{\"records\": [{record.Replace("UA", Chrome, StringComparison.Ordinal)}, "
            + $"{record.Replace("UA", badUserAgent, StringComparison.Ordinal)}]}}";
    }

    private static string Good(string ip, string url) =>
        $"{{\"ip\":\"{ip}\",\"user_agent\":\"{Chrome}\",\"timestamp\":\"2022-09-20T10:00:00Z\",\"url\":\"{url}\","
        + "\"method\":\"GET\"}";

    private static List<RawRecord> ReadAll(IEnumerable<byte[]> bodies)
    {
        var reader = new EventBodyReader(FieldMapping.Default);
        return [.. bodies.SelectMany(body => reader.Read(body, "body").Records)];
    }
}
