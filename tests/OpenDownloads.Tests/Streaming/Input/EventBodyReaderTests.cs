using System.Text;
using OpenDownloads.Counting.Readers;
using OpenDownloads.Streaming.Input;

namespace OpenDownloads.Tests.Streaming.Input;

public sealed class EventBodyReaderTests
{
    private readonly EventBodyReader _sut = new(FieldMapping.Default);

    [Fact]
    public void Read_OdlEventObject_MapsFieldsAndAliases()
    {
        var result = Read("{\"ipAddress\":\"203.0.113.1\",\"userAgent\":\"UA\",\"time\":\"2022-09-20T00:00:00Z\","
            + "\"enclosureUrl\":\"/ep.mp3\",\"method\":\"GET\",\"byte_range_start\":0,\"byte_range_end\":1}");

        var record = Assert.Single(result.Records);
        Assert.Equal(EventShape.JsonEvents, result.Shape);
        Assert.Equal("203.0.113.1", record[OdlField.Ip]);
        Assert.Equal("/ep.mp3", record[OdlField.EpisodeId]);
        Assert.Equal("1", record[OdlField.ByteRangeEnd]);
        Assert.Equal(new RecordLocation("p0/s1", 1, 1), record.Location);
    }

    [Fact]
    public void Read_JsonArrayAndJsonLines_ReturnEveryEvent()
    {
        var array = Read("[{\"ip\":\"203.0.113.1\"},{\"ip\":\"203.0.113.2\"}]");
        var lines = Read("\uFEFF{\"ip\":\"203.0.113.1\"}\r\n{\"ip\":\"203.0.113.2\"}\n");

        Assert.Equal(["203.0.113.1", "203.0.113.2"], array.Records.Select(r => r[OdlField.Ip]));
        Assert.Equal(["203.0.113.1", "203.0.113.2"], lines.Records.Select(r => r[OdlField.Ip]));
    }

    [Fact]
    public void Read_Op3Hit_HashedIpIsTheEncodedIpAndRangeIsRaw()
    {
        var record = Assert.Single(Read(EventBodies.Op3Hit).Records);

        Assert.Null(record[OdlField.Ip]);
        Assert.Equal("a1b2c3", record[OdlField.EncodedIp]);
        Assert.Equal("bytes=0-1", record[OdlField.Range]);
        Assert.Equal("https://op3.dev/e/cdn.example.com/ep1.mp3", record[OdlField.EpisodeId]);
    }

    [Fact]
    public void Read_FrontDoorEnvelope_KeepsClientRecordsAndSkipsShieldCopiesAndOtherCategories()
    {
        var result = Read(EventBodies.FrontDoor);

        Assert.Equal(EventShape.AzureMonitor, result.Shape);
        Assert.Equal(2, result.Skipped);
        var record = Assert.Single(result.Records);
        Assert.Equal("203.0.113.5", record[OdlField.Ip]);
        Assert.Equal("GET", record[OdlField.HttpMethod]);
        Assert.Equal("https://cdn.example.com/show/ep1.mp3", record[OdlField.EpisodeId]);
        Assert.Equal("AppleCoreMedia/1.0.0 (iPhone)", record[OdlField.UserAgent]);
        Assert.Equal("https://example.com/", record[OdlField.Referer]);
        Assert.Equal("2022-09-20T10:15:00.1234567Z", record[OdlField.Timestamp]);
        Assert.False(record.Has(OdlField.Range));
        Assert.Equal(1, record.Location.Record);
    }

    [Fact]
    public void Read_EnvelopeWithAByteOrderMark_ReadsItsRecords()
    {
        var result = Read("\uFEFF" + EventBodies.StorageBlob);

        Assert.Equal(2, result.Records.Count);
        Assert.All(result.Records, r => Assert.Null(r.ReadError));
    }

    [Fact]
    public void Read_StorageEnvelope_DerivesMethodStripsPortAndSignature()
    {
        var result = Read(EventBodies.StorageBlob);

        Assert.Equal(1, result.Skipped);
        Assert.Equal(["203.0.113.9", "2001:db8::9"], result.Records.Select(r => r[OdlField.Ip]));
        Assert.Equal(["GET", "HEAD"], result.Records.Select(r => r[OdlField.HttpMethod]));
        Assert.All(result.Records, r => Assert.Equal("https://acct.blob.core.windows.net/audio/ep2.mp3", r[OdlField.EpisodeId]));
        Assert.Equal("Overcast/3.0", result.Records[0][OdlField.UserAgent]);
    }

    [Fact]
    public void Read_CombinedLineWithRange_ReadsEveryFieldAndUnescapes()
    {
        var record = Assert.Single(Read(EventBodies.CombinedWithRange + "\n" + "   \n").Records);

        Assert.Null(record.ReadError);
        Assert.Equal("203.0.113.7", record[OdlField.Ip]);
        Assert.Equal("GET", record[OdlField.HttpMethod]);
        Assert.Equal("/show/ep1.mp3", record[OdlField.EpisodeId]);
        Assert.Equal("Mozilla/5.0 (\"quoted\") café", record[OdlField.UserAgent]);
        Assert.Equal("bytes=0-1", record[OdlField.Range]);
        Assert.Equal("2022-09-20T00:08:03+00:00", record[OdlField.Timestamp]);
    }

    [Fact]
    public void Read_CombinedLineWithoutRange_KeepsDashesAsLogged()
    {
        var record = Assert.Single(Read(EventBodies.CombinedWithoutRange).Records);

        Assert.Equal("2001:db8::7", record[OdlField.Ip]);
        Assert.Equal("HEAD", record[OdlField.HttpMethod]);
        Assert.Equal("-", record[OdlField.UserAgent]);
        Assert.Equal("-", record[OdlField.Referer]);
        Assert.False(record.Has(OdlField.Range));
    }

    [Fact]
    public void Read_EnvelopeOfKnownNonRequestCategoriesAndMetrics_SkipsThemWithoutRejecting()
    {
        var result = Read("""
            {"records": [
              {"time": "2022-09-20T10:16:00Z", "category": "FrontDoorHealthProbeLog", "properties": {}},
              {"time": "2022-09-20T10:16:00Z", "category": "FrontdoorWebApplicationFirewallLog", "properties": {}},
              {"time": "2022-09-20T10:16:00Z", "category": "CoreAnalytics", "properties": {}},
              {"time": "2022-09-20T10:16:00Z", "metricName": "Transactions", "total": 3, "timeGrain": "PT1M"}
            ]}
            """);

        Assert.Empty(result.Records);
        Assert.Equal(4, result.Skipped);
    }

    [Fact]
    public void Read_EnvelopeWithOneBadRecordAmongGoodOnes_ReadsTheGoodOnesAndRejectsTheBadOne()
    {
        var good = "{\"time\": \"2022-09-20T10:15:00Z\", \"category\": \"FrontDoorAccessLog\", \"properties\": "
            + "{\"httpMethod\": \"GET\", \"requestUri\": \"https://cdn.example.com/ep1.mp3\", \"userAgent\": \"UA\", "
            + "\"clientIp\": \"203.0.113.5\"}}";
        var bad = good.Replace("\"UA\"", "\"\\ud800\"", StringComparison.Ordinal);

        var result = Read($"{{\"records\": [{good}, {bad}, {good}]}}");

        Assert.Equal(3, result.Records.Count);
        Assert.Equal([false, true, false], result.Records.Select(r => r.ReadError is not null));
        Assert.Contains("has a field that is not valid text", result.Records[1].ReadError, StringComparison.Ordinal);
        Assert.Equal(["UA", "UA"], result.Records.Where(r => r.ReadError is null).Select(r => r[OdlField.UserAgent]));
        Assert.Equal(2, result.Records[1].Location.Record);
    }

    [Theory]
    [InlineData("{\"records\": []}")] // nothing logged in the interval
    [InlineData("{\"records\": [], \"records\": \"x\"}")] // a repeated name: the array the detector saw is read
    public void Read_EnvelopeWithNoRecords_ReturnsNothingAndSkipsNothing(string body)
    {
        var result = Read(body);

        Assert.Equal(EventShape.AzureMonitor, result.Shape);
        Assert.Empty(result.Records);
        Assert.Equal(0, result.Skipped);
    }

    [Theory]
    [InlineData("false")]
    [InlineData("\"false\"")]
    [InlineData("\"False\"")]
    public void Read_FrontDoorOriginShieldCopy_IsSkippedAndTheClientRecordKept(string flag)
    {
        var record = "{\"time\": \"2022-09-20T10:15:00Z\", \"category\": \"FrontDoorAccessLog\", \"properties\": "
            + "{\"trackingReference\": \"t1\", \"httpMethod\": \"GET\", "
            + "\"requestUri\": \"https://cdn.example.com/ep1.mp3\", "
            + "\"userAgent\": \"UA\", \"clientIp\": \"203.0.113.5\", \"isReceivedFromClient\": FLAG}}";

        var result = Read($"{{\"records\": [{record.Replace("FLAG", flag, StringComparison.Ordinal)}, "
            + $"{record.Replace("FLAG", "true", StringComparison.Ordinal)}]}}");

        Assert.Equal(1, result.Skipped);
        Assert.Equal(2, Assert.Single(result.Records).Location.Record);
    }

    [Fact]
    public void Read_CombinedLineWithASpaceInThePath_KeepsTheWholePath()
    {
        var record = Assert.Single(Read(
            "203.0.113.7 - - [20/Sep/2022:00:08:03 +0000] \"GET /show/ep 1.mp3?x=1 HTTP/1.1\" 200 9 \"-\" \"UA\"")
            .Records);

        Assert.Null(record.ReadError);
        Assert.Equal("GET", record[OdlField.HttpMethod]);
        Assert.Equal("/show/ep 1.mp3", record[OdlField.EpisodeId]);
    }

    public static TheoryData<string, string, string> BadBodies { get; } = new()
    {
        { "{\"ip\": \"203.0.113.1\"", "not valid JSON", "a cut JSON object" },
        { "[{\"ip\": 1}, 2]", "each event must be an object", "an array with a number in it" },
        { "{\"records\": [3]}", "must be an object", "an envelope record that is not an object" },
        { "{\"records\": [{\"time\": \"x\"}]}", "no category", "an envelope record of no known kind" },
        { "{\"records\": [{\"category\": null, \"time\": \"x\"}]}", "no category", "a null category" },
        { "{\"records\": [{\"category\": \"AppServiceHTTPLogs\", \"properties\": {}}]}",
            "category 'AppServiceHTTPLogs' is not a request log", "a category the counter does not read" },
        { "{\"records\": [{\"category\": \"\", \"properties\": {}}]}", "category '' is not", "an empty category" },
        { "hello world", "not JSON or a combined log line", "text that is no log line" },
        {
            FrontDoorWith("\"clientIp\": \"203.0.113.5\", \"userAgent\": {\"a\": 1}"),
            "userAgent is a JSON Object; expected a string", "an object user agent is no bot"
        },
        { FrontDoorWith("\"userAgent\": \"ua\", \"clientIp\": [1]"), "clientIp is a JSON Array; expected a string",
            "an array client IP" },
        { "{\"records\": [{\"category\": [\"FrontDoorAccessLog\"], \"properties\": {}}]}",
            "category is a JSON Array; expected a string", "an array category" },
        { "{\"records\": [{\"operationName\": {\"x\": 1}, \"properties\": {}}]}",
            "operationName is a JSON Object; expected a string", "an object operation name is not skipped" },
        { "{\"records\": 5}", "records is a JSON Number; expected an array", "records that is not an array" },
        { "1.2.3.4 - - [10/Oct/2000:13:55:36 -0700] \"GET / HTTP/1.1\" 200 1", "no quoted referer", "common format" },
        { "1.2.3.4 - - [2000-10-10] \"GET / HTTP/1.1\" 200 1 \"-\" \"ua\"", "is not a log time", "an ISO time" },
        { "1.2.3.4 - - [10/Oct/2000:13:55:36 -0700] \"\\x16\\x03\" 400 1 \"-\" \"-\"", "no method and path", "TLS bytes" },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public void Read_BadBody_ReturnsAnUnreadableRecordWithItsReason(string body, string expected, string reason)
    {
        var records = Read(body).Records;
        var record = records[^1];

        Assert.True(record.ReadError?.Contains(expected, StringComparison.Ordinal) == true, $"{reason}: {record.ReadError}");
    }

    private static string FrontDoorWith(string fields) =>
        "{\"records\": [{\"category\": \"FrontDoorAccessLog\", \"time\": \"2022-09-20T10:00:00Z\", \"properties\": "
        + "{\"httpMethod\": \"GET\", \"requestUri\": \"/e.mp3\", " + fields + "}}]}";

    private EventRecords Read(string body) => _sut.Read(Encoding.UTF8.GetBytes(body), "p0/s1");
}
