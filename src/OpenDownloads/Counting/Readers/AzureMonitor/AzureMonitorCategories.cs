namespace OpenDownloads.Counting.Readers.AzureMonitor;

/// <summary>
/// Names the Azure Monitor log categories the counter knows. Access logs are read; the categories that the same
/// Front Door, CDN or Storage resources also stream and that never hold a listener's request (health probes,
/// firewall decisions, CDN classic's aggregated analytics) are skipped. Any other category is dead-lettered with its
/// name, so a diagnostic setting pointed at the wrong hub is seen rather than silently ignored.
/// </summary>
internal static class AzureMonitorCategories
{
    /// <summary>The categories that are read, as a reason names them.</summary>
    public const string Read = "FrontDoorAccessLog, AzureCdnAccessLog, StorageRead, StorageWrite or StorageDelete";

    private static readonly HashSet<string> NotRequests = new(StringComparer.OrdinalIgnoreCase)
    {
        "FrontDoorHealthProbeLog",
        "FrontDoorWebApplicationFirewallLog",
        "CoreAnalytics",
    };

    /// <summary>Whether <paramref name="category"/> is known to hold no client requests.</summary>
    public static bool HoldsNoRequests(string category) => NotRequests.Contains(category);
}
