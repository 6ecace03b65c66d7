using Microsoft.Extensions.Logging;

namespace OpenDownloads.Datacenters.Publishing;

/// <summary>Log events of publishing, ids 3200 to 3299.</summary>
internal static partial class DatacenterPublishLog
{
    [LoggerMessage(3200, LogLevel.Information,
        "Wrote datacenter list version {Version}: {FileCount} files, {ByteCount} bytes")]
    public static partial void VersionWritten(ILogger logger, string version, int fileCount, long byteCount);

    [LoggerMessage(3201, LogLevel.Information, "Moved latest from {PreviousVersion} to {Version}")]
    public static partial void LatestMoved(ILogger logger, string previousVersion, string version);

    [LoggerMessage(3202, LogLevel.Warning,
        "Another run moved latest to {LatestVersion} while this run built {Version}, which is kept but not served")]
    public static partial void LatestMovedByAnotherRun(ILogger logger, string latestVersion, string version);

    [LoggerMessage(3203, LogLevel.Information,
        "Deleted {VersionCount} datacenter list versions beyond the newest {RetainCount}")]
    public static partial void VersionsDeleted(ILogger logger, int versionCount, int retainCount);

    [LoggerMessage(3204, LogLevel.Warning,
        "latest.json cannot be read ({Reason}); rebuilding without a previous list, and publishing will replace it")]
    public static partial void LatestUnreadable(ILogger logger, string reason);

    [LoggerMessage(3205, LogLevel.Warning,
        "Latest moved to {Version}, but old versions could not be deleted: {Reason}; they stay until a later run")]
    public static partial void RetentionFailed(ILogger logger, string version, string reason);
}
