using Microsoft.Azure.Functions.Worker;
using OpenDownloads.Functions.Datacenters;
using OpenDownloads.Streaming.Reference;

namespace OpenDownloads.Functions.ReferenceData;

/// <summary>
/// Copies the OPAWG v1 list into the blob the stream path reads, on the datacenter rebuild's schedule
/// (<c>DatacentersRebuildSchedule</c>). The refresher logs the one summary line; a failed download keeps the blob
/// and logs a warning without failing the run, as the list the stream path has is still good.
/// </summary>
internal sealed class RefreshUserAgentList(AgentListRefresher refresher)
{
    [Function(nameof(RefreshUserAgentList))]
    public async Task RunAsync(
        [TimerTrigger("%" + RebuildDatacenterList.ScheduleSetting + "%")] TimerInfo timer,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timer);
        await refresher.RefreshAsync(cancellationToken);
    }
}
