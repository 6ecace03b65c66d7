using System.Text;
using OpenDownloads.Cli.Streaming;
using OpenDownloads.Tests.Streaming.Input;

namespace OpenDownloads.Cli.Tests.Stream;

public sealed class AzureMonitorFileTests
{
    [Theory]
    [InlineData("")]
    [InlineData("\uFEFF")] // a byte-order mark, as some exports write
    public void Envelopes_PrettyPrintedFile_OneEnvelopePerRecordWithTheLineItStartsOn(string prefix)
    {
        var content = Encoding.UTF8.GetBytes(prefix + EventBodies.FrontDoor);

        var sut = AzureMonitorFile.Envelopes(content, "fd.json");

        Assert.Equal([2L, 9L, 13L], sut.Select(body => body.Origin!.Value.Line));
        Assert.Equal([1L, 2L, 3L], sut.Select(body => body.Origin!.Value.Record));
        Assert.All(sut, body => Assert.StartsWith("{\"records\":[{\"time\": ", Encoding.UTF8.GetString(body.Body.Span),
            StringComparison.Ordinal));
    }

    [Fact]
    public void Envelopes_BrokenJson_SendsTheFileAsOneBodyForTheStreamPathToReject()
    {
        var content = Encoding.UTF8.GetBytes("{\"records\": [{\"time\": ");

        var body = Assert.Single(AzureMonitorFile.Envelopes(content, "cut.json"));

        Assert.Equal(content, body.Body.ToArray());
        Assert.Equal(1, body.Origin!.Value.Line);
    }
}
