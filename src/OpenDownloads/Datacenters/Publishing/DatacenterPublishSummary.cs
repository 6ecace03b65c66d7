namespace OpenDownloads.Datacenters.Publishing;

/// <summary>What one run of <see cref="DatacenterPublishJob"/> did, for its summary log line.</summary>
/// <param name="Outcome">What publishing did.</param>
/// <param name="RangesIPv4">IPv4 rows in the list.</param>
/// <param name="RangesIPv6">IPv6 rows in the list.</param>
/// <param name="FreshProviders">Ids of providers whose feed was used (updated or not modified).</param>
/// <param name="KeptProviders">Ids of providers whose last good ranges were kept instead.</param>
/// <param name="ElapsedMs">How long the run took.</param>
public sealed record DatacenterPublishSummary(
    PublishOutcome Outcome,
    int RangesIPv4,
    int RangesIPv6,
    IReadOnlyList<string> FreshProviders,
    IReadOnlyList<string> KeptProviders,
    long ElapsedMs);
