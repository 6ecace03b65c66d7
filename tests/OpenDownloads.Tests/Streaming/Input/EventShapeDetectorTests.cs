using System.Text;
using OpenDownloads.Streaming.Input;

namespace OpenDownloads.Tests.Streaming.Input;

public sealed class EventShapeDetectorTests
{
    public static TheoryData<string, EventShape, string> Bodies { get; } = new()
    {
        { "{\"ip\":\"1.2.3.4\"}", EventShape.JsonEvents, "one oDL event object" },
        { "{\"a\":1}\n{\"a\":2}\n", EventShape.JsonEvents, "JSON lines" },
        { "\uFEFF  {\"time\":\"x\"}", EventShape.JsonEvents, "a byte-order mark and spaces before an object" },
        { "[{\"ip\":\"1.2.3.4\"}]", EventShape.JsonDocument, "an array of events" },
        { "{\"headers\":[\"time\"],\"rows\":[[\"x\"]]}", EventShape.JsonDocument, "OP3's json-a export" },
        { "{\"records\":[{\"category\":\"FrontDoorAccessLog\"}]}", EventShape.AzureMonitor, "the diagnostic envelope" },
        { "{\"x\":{\"records\":[]},\"records\":[]}", EventShape.AzureMonitor, "records after a nested object" },
        { "{\"records\":\"none\"}", EventShape.AzureMonitor, "a records field that is no array: a broken envelope" },
        { "{\"records\":[", EventShape.AzureMonitor, "a cut envelope is still an envelope" },
        { "1.2.3.4 - - [10/Oct/2000:13:55:36 -0700] \"GET / HTTP/1.1\" 200 1", EventShape.CombinedLog, "a log line" },
        { "", EventShape.CombinedLog, "an empty body has no JSON" },
    };

    [Theory]
    [MemberData(nameof(Bodies))]
    public void Detect_Body_ReturnsShape(string body, EventShape expected, string reason)
    {
        var sut = EventShapeDetector.Detect(Encoding.UTF8.GetBytes(body));

        Assert.True(expected == sut, reason);
    }
}
