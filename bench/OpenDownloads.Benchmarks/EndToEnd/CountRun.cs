using OpenDownloads.Counting;

namespace OpenDownloads.Benchmarks.EndToEnd;

/// <summary>One count: its report, the listener groups it held and the time taken.</summary>
internal sealed record CountRun(CountReport Report, int Groups, TimeSpan Elapsed)
{
    public double EventsPerSecond => Report.Events / Elapsed.TotalSeconds;
}
