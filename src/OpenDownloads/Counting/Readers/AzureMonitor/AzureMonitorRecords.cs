namespace OpenDownloads.Counting.Readers.AzureMonitor;

/// <summary>The request records found in one Azure Monitor envelope.</summary>
/// <param name="Records">The request records, including those that could not be read.</param>
/// <param name="Skipped">Records that are not client requests to count, such as Front Door's origin-shield copies,
/// storage operations other than reading a blob, or metrics.</param>
internal sealed record AzureMonitorRecords(IReadOnlyList<RawRecord> Records, int Skipped);
