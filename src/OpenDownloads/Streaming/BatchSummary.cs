namespace OpenDownloads.Streaming;

/// <summary>What one batch did, as its log line says it.</summary>
/// <param name="Events">Events in the batch.</param>
/// <param name="Records">Request records found in them.</param>
/// <param name="DownloadsAdded">Listener groups that became downloads with this batch, as far as this instance
/// knows: another instance may have stored the same download already, and the day counts it once.</param>
/// <param name="Bots">Records dropped as bots.</param>
/// <param name="DeniedIp">Records dropped as datacenter traffic.</param>
/// <param name="Rejected">Records that could not be read or prepared, dead-lettered.</param>
/// <param name="Late">Records that came after their day closed, dead-lettered.</param>
/// <param name="Skipped">Log records that are not client requests (origin-shield copies, other operations).</param>
/// <param name="ElapsedMs">How long the batch took, in milliseconds.</param>
public sealed record BatchSummary(
    int Events,
    int Records,
    int DownloadsAdded,
    int Bots,
    int DeniedIp,
    int Rejected,
    int Late,
    int Skipped,
    long ElapsedMs);
