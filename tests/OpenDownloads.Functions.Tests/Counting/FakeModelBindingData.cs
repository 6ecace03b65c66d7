using Microsoft.Azure.Functions.Worker.Core;

namespace OpenDownloads.Functions.Tests.Counting;

/// <summary>What the Event Hubs host extension sends for one event when the worker asks for deferred binding.</summary>
internal sealed class FakeModelBindingData(BinaryData content, string source = "AzureEventHubsEventData") : ModelBindingData
{
    public override string Version => "1.0";

    public override string Source => source;

    public override BinaryData Content => content;

    public override string ContentType => "application/octet-stream";
}
