using Azure.Messaging.EventHubs;
using Microsoft.Azure.Functions.Worker;
using OpenDownloads.Streaming.Input;

namespace OpenDownloads.Functions.Counting;

/// <summary>
/// Counts downloads from request logs streamed into Event Hubs. Thin: it reads the partition, hands the batch to
/// the stream path and lets a failure retry the batch, which counts nothing twice.
/// </summary>
internal sealed class CountDownloads(StreamCountingHost host)
{
    [Function(nameof(CountDownloads))]
    [ExponentialBackoffRetry(-1, "00:00:05", "00:05:00")]
    public async Task RunAsync(
        [EventHubTrigger("%CountDownloads:EventHubName%", Connection = "CountDownloads:EventHub",
            ConsumerGroup = "%CountDownloads:ConsumerGroup%")] EventData[] events,
        FunctionContext context,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        var batch = events
            .Select(e => new StreamEvent(e.EventBody.ToMemory(), e.SequenceNumber, e.EnqueuedTime, e.OffsetString))
            .ToList();
        var pipeline = await host.GetAsync(cancellationToken);
        await pipeline.Handler.HandleAsync(TriggerPartition.IdOf(context), batch, cancellationToken);
    }
}
