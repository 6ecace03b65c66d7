namespace OpenDownloads.Benchmarks.EndToEnd;

/// <summary>One parse-only pass: records read and the time taken.</summary>
internal sealed record ParseRun(long Records, TimeSpan Elapsed)
{
    public double RecordsPerSecond => Records / Elapsed.TotalSeconds;
}
