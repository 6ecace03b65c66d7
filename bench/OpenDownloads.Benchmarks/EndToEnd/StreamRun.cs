namespace OpenDownloads.Benchmarks.EndToEnd;

/// <summary>One streaming pass: events handled, batches, storage requests, and where the time went.</summary>
internal sealed record StreamRun(int Events, int Batches, long StorageRequests, TimeSpan Elapsed, TimeSpan StorageBusy)
{
    public double EventsPerSecond => Events / Elapsed.TotalSeconds;

    public double StorageShare => StorageBusy / Elapsed;
}
