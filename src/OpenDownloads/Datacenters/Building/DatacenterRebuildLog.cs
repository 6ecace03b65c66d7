using Microsoft.Extensions.Logging;

namespace OpenDownloads.Datacenters.Building;

/// <summary>Log events of the rebuild, ids 3000 to 3099. Never a raw IP address: counts, names and URLs only.</summary>
internal static partial class DatacenterRebuildLog
{
    [LoggerMessage(3000, LogLevel.Information, "Rebuilding datacenter list {Version} from {ProviderCount} providers")]
    public static partial void RebuildStarted(ILogger logger, string version, int providerCount);

    [LoggerMessage(3001, LogLevel.Information,
        "{Provider}: {Status}, {PrefixCountIPv4} IPv4 and {PrefixCountIPv6} IPv6 prefixes")]
    public static partial void ProviderRead(
        ILogger logger, string provider, string status, int prefixCountIPv4, int prefixCountIPv6);

    [LoggerMessage(3002, LogLevel.Warning,
        "{Provider}: {Status} ({Reason}); keeping {RangeCount} ranges from the {RangesFrom} list")]
    public static partial void ProviderKept(
        ILogger logger, string provider, string status, string reason, int rangeCount, string rangesFrom);

    [LoggerMessage(3003, LogLevel.Warning,
        "Base list {Location} not used ({Reason}); keeping {RowCount} rows of the previous list")]
    public static partial void BaseListKept(ILogger logger, string location, string reason, int rowCount);

    [LoggerMessage(3004, LogLevel.Information,
        "Datacenter list {Version} built: {RangeCountIPv4} IPv4 and {RangeCountIPv6} IPv6 ranges, "
        + "{UpdatedCount} providers updated, {KeptCount} kept from before, {ContainedCount} contained ranges dropped, "
        + "{OverlapCount} partial overlaps resolved, in {ElapsedMs} ms")]
    public static partial void RebuildFinished(
        ILogger logger,
        string version,
        int rangeCountIPv4,
        int rangeCountIPv6,
        int updatedCount,
        int keptCount,
        int containedCount,
        int overlapCount,
        long elapsedMs);

    [LoggerMessage(3005, LogLevel.Error, "Datacenter list {Version} refused: {Reason}")]
    public static partial void RebuildRefused(ILogger logger, string version, string reason);

    [LoggerMessage(3006, LogLevel.Warning,
        "{Provider}: {PrefixCount} implausibly large prefixes refused (an IPv4 /8 or larger, an IPv6 /16 or larger)")]
    public static partial void PrefixesTooLarge(ILogger logger, string provider, int prefixCount);

    [LoggerMessage(3007, LogLevel.Warning,
        "Base list: {SpecialPurposeCount} rows in special-purpose space skipped, {TooLargeCount} implausibly "
        + "large rows refused")]
    public static partial void BaseRowsSkipped(ILogger logger, int specialPurposeCount, int tooLargeCount);

    [LoggerMessage(3008, LogLevel.Warning,
        "Datacenter list {Version} is forced: the shrink guard is off, and the manifest records it")]
    public static partial void RebuildForced(ILogger logger, string version);
}
