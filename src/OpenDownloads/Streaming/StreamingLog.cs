using Microsoft.Extensions.Logging;

namespace OpenDownloads.Streaming;

/// <summary>The stream path's log lines. None carries a raw IP or the salt.</summary>
internal static partial class StreamingLog
{
    [LoggerMessage(4001, LogLevel.Information,
        "Counted a batch from partition {PartitionId}: {EventCount} events, {RecordCount} records, "
        + "{DownloadsAdded} downloads added, {BotCount} bots, {DeniedIpCount} denied IPs, {RejectedCount} rejects, "
        + "{LateCount} late, {SkippedCount} skipped, in {ElapsedMs} ms")]
    public static partial void BatchCounted(
        ILogger logger,
        string partitionId,
        int eventCount,
        int recordCount,
        int downloadsAdded,
        int botCount,
        int deniedIpCount,
        int rejectedCount,
        int lateCount,
        int skippedCount,
        long elapsedMs);

    [LoggerMessage(4002, LogLevel.Information, "Opened day {Day}; it takes requests until {CloseAt:o}")]
    public static partial void DayOpened(ILogger logger, string day, DateTimeOffset closeAt);

    [LoggerMessage(4003, LogLevel.Information,
        "Closed day {Day}: {DownloadCount} downloads from {EventCount} events, files under {Folder}, "
        + "in {ElapsedMs} ms")]
    public static partial void DayClosed(ILogger logger, string day, long downloadCount, long eventCount, string folder,
        long elapsedMs);

    [LoggerMessage(4004, LogLevel.Information,
        "Wrote provisional totals of day {Day}: {DownloadCount} downloads so far, in {ElapsedMs} ms")]
    public static partial void TotalsWritten(ILogger logger, string day, long downloadCount, long elapsedMs);

    // The reasons stay in the blob: a reason quotes the bad value, which may hold an IP address.
    [LoggerMessage(4005, LogLevel.Warning,
        "Dead-lettered {RecordCount} records of partition {PartitionId} to {BlobName}")]
    public static partial void DeadLettered(ILogger logger, int recordCount, string partitionId, string blobName);

    [LoggerMessage(4006, LogLevel.Information,
        "Loaded reference blob {Container}/{BlobName} (ETag {ETag}, {ByteCount} bytes)")]
    public static partial void ReferenceLoaded(ILogger logger, string container, string blobName, string etag,
        long byteCount);

    [LoggerMessage(4007, LogLevel.Warning,
        "The reference blob {Container}/{BlobName} does not exist; the lists that do exist are used")]
    public static partial void ReferenceMissing(ILogger logger, string container, string blobName);

    [LoggerMessage(4008, LogLevel.Debug,
        "Storage conflict on {Operation} (status {Status}); re-reading and merging again, attempt {Attempt}")]
    public static partial void ConflictRetried(ILogger logger, string operation, int status, int attempt);

    [LoggerMessage(4009, LogLevel.Error, "Closing day {Day} failed; the next run tries again")]
    public static partial void CloseFailed(ILogger logger, Exception error, string day);

    [LoggerMessage(4010, LogLevel.Warning,
        "A batch from partition {PartitionId} failed on storage (status {Status}, transient: {IsTransient}); "
        + "it is retried whole, which counts nothing twice")]
    public static partial void BatchFailed(ILogger logger, Exception error, string partitionId, int status,
        bool isTransient);

    [LoggerMessage(4011, LogLevel.Information,
        "Loaded datacenter list {Version} from container {Container}: {RangeCount} ranges (pointer ETag {ETag})")]
    public static partial void DatacenterListLoaded(ILogger logger, string version, string container, int rangeCount,
        string etag);

    [LoggerMessage(4012, LogLevel.Warning,
        "Kept the last good datacenter list: the published list in container {Container} cannot be read ({Reason}); "
        + "it is tried again at the next refresh")]
    public static partial void DatacenterListKept(ILogger logger, string container, string reason);

    [LoggerMessage(4013, LogLevel.Information,
        "Refreshed the OPAWG list from {SourceUrl} into {Container}/{BlobName}: written {Updated}, {ByteCount} bytes, "
        + "SHA-256 {Sha256}, in {ElapsedMs} ms")]
    public static partial void AgentListRefreshed(ILogger logger, string sourceUrl, string container, string blobName,
        bool updated, long byteCount, string sha256, long elapsedMs);

    [LoggerMessage(4014, LogLevel.Warning,
        "The OPAWG list could not be refreshed from {SourceUrl}; the blob {Container}/{BlobName} is kept: {Reason}")]
    public static partial void AgentListKept(ILogger logger, string sourceUrl, string container, string blobName,
        string reason);
}
