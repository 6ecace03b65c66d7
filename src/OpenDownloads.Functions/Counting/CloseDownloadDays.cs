using Microsoft.Azure.Functions.Worker;

namespace OpenDownloads.Functions.Counting;

/// <summary>Every five minutes: closes the days whose lateness has passed and refreshes the open days'
/// totals.</summary>
internal sealed class CloseDownloadDays(StreamCountingHost host)
{
    [Function(nameof(CloseDownloadDays))]
    public async Task RunAsync([TimerTrigger("0 */5 * * * *")] TimerInfo timer, CancellationToken cancellationToken)
    {
        var pipeline = await host.GetAsync(cancellationToken);
        await pipeline.Closer.RunAsync(cancellationToken);
    }
}
