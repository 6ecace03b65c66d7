using Microsoft.Extensions.Logging;

namespace OpenDownloads.Functions.Datacenters;

/// <summary>Log events of the <c>RebuildDatacenterList</c> function, ids 3300 to 3399: one summary per run.</summary>
internal static partial class RebuildFunctionLog
{
    [LoggerMessage(3300, LogLevel.Information,
        "RebuildDatacenterList: version {Version}, latest moved {MovedLatest} (latest {LatestVersion}), "
        + "{RangeCountIPv4} IPv4 and {RangeCountIPv6} IPv6 ranges, fresh [{FreshProviders}], kept [{KeptProviders}], "
        + "{DeletedVersionCount} old versions deleted, past due {PastDue}, in {ElapsedMs} ms")]
    public static partial void Summary(
        ILogger logger,
        string version,
        bool movedLatest,
        string latestVersion,
        int rangeCountIPv4,
        int rangeCountIPv6,
        string freshProviders,
        string keptProviders,
        int deletedVersionCount,
        bool pastDue,
        long elapsedMs);

    [LoggerMessage(3301, LogLevel.Error,
        "RebuildDatacenterList failed, nothing published (transient {Transient}, past due {PastDue}): {Reason}")]
    public static partial void Failed(ILogger logger, string reason, bool transient, bool pastDue);

    [LoggerMessage(3302, LogLevel.Warning,
        "RebuildDatacenterList is past due (last scheduled run {LastRunUtc:o}); running now")]
    public static partial void PastDue(ILogger logger, DateTime lastRunUtc);
}
