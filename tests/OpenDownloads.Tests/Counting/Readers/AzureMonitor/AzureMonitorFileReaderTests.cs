using System.Text.Json;
using OpenDownloads.Counting.Readers;
using OpenDownloads.Counting.Readers.AzureMonitor;
using OpenDownloads.Tests.Streaming.Input;

namespace OpenDownloads.Tests.Counting.Readers.AzureMonitor;

public sealed class AzureMonitorFileReaderTests
{
    [Fact]
    public void Read_FrontDoorFile_ReadsTheClientRequestAndSkipsShieldCopyAndProbe()
    {
        var sut = new AzureMonitorFileReader();

        var record = Assert.Single(sut.ReadText(EventBodies.FrontDoor));

        Assert.Null(record.ReadError);
        Assert.Equal("203.0.113.5", record[OdlField.Ip]);
        Assert.Equal("AppleCoreMedia/1.0.0 (iPhone)", record[OdlField.UserAgent]);
        Assert.Equal(new RecordLocation("test.log", 2, 1), record.Location);
    }

    [Fact]
    public void Read_StorageBlobFile_ReadsGetBlobAndPropertiesWithoutPortsAndSkipsTheWrite()
    {
        var sut = new AzureMonitorFileReader();

        var records = sut.ReadText(EventBodies.StorageBlob);

        Assert.Equal(["203.0.113.9", "2001:db8::9"], records.Select(record => record[OdlField.Ip]));
        Assert.Equal(["GET", "HEAD"], records.Select(record => record[OdlField.HttpMethod]));
        Assert.Equal([2L, 6L], records.Select(record => record.Location.Line));
    }

    [Fact]
    public void Read_CaptureLines_ReadsEachLinesEnvelopeWithItsLine()
    {
        var sut = new AzureMonitorFileReader();
        var text = $"{Compact(EventBodies.FrontDoor)}\n\n{Compact(EventBodies.StorageBlob)}\n";

        var records = sut.ReadText(text);

        Assert.Equal(["203.0.113.5", "203.0.113.9", "2001:db8::9"], records.Select(record => record[OdlField.Ip]));
        Assert.Equal([1L, 3L, 3L], records.Select(record => record.Location.Line));
        // The Front Door line holds 3 records (2 skipped), so the Storage line's records are the file's 4th and 5th.
        Assert.Equal([1L, 4L, 5L], records.Select(record => record.Location.Record));
    }

    [Fact]
    public void Read_CaptureLinesWithSkippedRecords_NeverGiveTwoRecordsOneNumber()
    {
        var sut = new AzureMonitorFileReader();
        var text = $"{Compact(EventBodies.FrontDoor)}\n{Compact(EventBodies.FrontDoor)}\n{Compact(EventBodies.StorageBlob)}\n";

        var numbers = sut.ReadText(text).Select(record => record.Location.Record).ToList();

        Assert.Equal(numbers.Distinct().Count(), numbers.Count);
        Assert.Equal([1L, 4L, 7L, 8L], numbers);
    }

    [Fact]
    public void Read_CaptureLineThatIsNoEnvelope_IsReadAsOneEvent()
    {
        var sut = new AzureMonitorFileReader();
        var text = $"{Compact(EventBodies.FrontDoor)}\n{Compact(EventBodies.Op3Hit)}\n";

        var records = sut.ReadText(text);

        Assert.Equal(["203.0.113.5", null], records.Select(record => record[OdlField.Ip]));
        Assert.Equal("a1b2c3", records[1][OdlField.EncodedIp]);
    }

    [Fact]
    public void Read_UnknownCategory_IsRejectedWithItsLineAndCategory()
    {
        var sut = new AzureMonitorFileReader();

        var record = Assert.Single(sut.ReadText(
            "{\"records\": [\n  {\"time\": \"2022-09-20T10:15:00Z\", \"category\": \"AppServiceHTTPLogs\"}\n]}"));

        Assert.Equal(2, record.Location.Line);
        Assert.Contains("'AppServiceHTTPLogs' is not a request log", record.ReadError, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_FileCutShort_KeepsTheRecordsBeforeTheBreakAndRejectsTheRest()
    {
        var sut = new AzureMonitorFileReader();
        var blob = EventBodies.StorageBlob;
        var cut = blob[..blob.IndexOf("GetBlobProperties", StringComparison.Ordinal)];

        var records = sut.ReadText(cut);

        Assert.Equal(2, records.Count);
        Assert.Equal("203.0.113.9", records[0][OdlField.Ip]);
        Assert.StartsWith(
            "The Azure Monitor file 'test.log' is not valid JSON after its record 1:", records[1].ReadError,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Read_NotJsonAtAll_IsOneRejection()
    {
        var sut = new AzureMonitorFileReader();

        var record = Assert.Single(sut.ReadText("{\"records\": nope"));

        Assert.StartsWith("The Azure Monitor envelope is not valid JSON", record.ReadError, StringComparison.Ordinal);
    }

    private static string Compact(string json)
    {
        using var document = JsonDocument.Parse(json);
        return JsonSerializer.Serialize(document.RootElement);
    }
}
