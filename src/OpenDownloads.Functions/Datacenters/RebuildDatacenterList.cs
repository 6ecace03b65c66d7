using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using OpenDownloads.Datacenters.Building;
using OpenDownloads.Datacenters.Publishing;

namespace OpenDownloads.Functions.Datacenters;

/// <summary>
/// Rebuilds and publishes the datacenter list on the schedule in the <c>DatacentersRebuildSchedule</c> app
/// setting (the sample and the README give daily at 03:15 UTC, <c>0 15 3 * * *</c>). A past-due run (the app was
/// down at the scheduled time) runs at once and says so; the next run keeps the normal schedule.
/// </summary>
public sealed class RebuildDatacenterList(DatacenterPublishJob job, ILogger<RebuildDatacenterList> logger)
{
    /// <summary>The app setting holding the NCRONTAB schedule.</summary>
    public const string ScheduleSetting = "DatacentersRebuildSchedule";

    /// <summary>The schedule the sample settings and the README give: every day at 03:15 UTC.</summary>
    public const string DefaultSchedule = "0 15 3 * * *";

    /// <summary>Runs one rebuild and logs one summary; a refused rebuild or a storage failure fails the run.</summary>
    [Function(nameof(RebuildDatacenterList))]
    public async Task RunAsync(
        [TimerTrigger("%" + ScheduleSetting + "%")] TimerInfo timer,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timer);
        if (timer.IsPastDue)
        {
            RebuildFunctionLog.PastDue(logger, timer.ScheduleStatus?.Last ?? default);
        }

        try
        {
            var summary = await job.RunAsync(cancellationToken);
            var outcome = summary.Outcome;
            RebuildFunctionLog.Summary(
                logger,
                outcome.Version,
                outcome.MovedLatest,
                outcome.LatestVersion,
                summary.RangesIPv4,
                summary.RangesIPv6,
                string.Join(',', summary.FreshProviders),
                string.Join(',', summary.KeptProviders),
                outcome.DeletedVersions,
                timer.IsPastDue,
                summary.ElapsedMs);
        }
        catch (DatacenterRebuildException error)
        {
            RebuildFunctionLog.Failed(logger, error.Message, false, timer.IsPastDue);
            throw;
        }
        catch (DatacenterPublishException error)
        {
            RebuildFunctionLog.Failed(logger, error.Message, error.IsTransient, timer.IsPastDue);
            throw;
        }
    }
}
