using BenchmarkDotNet.Attributes;

namespace OpenDownloads.Benchmarks.Micro;

/// <summary>
/// Rebuilding the datacenter list from ipcat's list and every provider copy in ../shared/data/providers.
/// </summary>
[MemoryDiagnoser]
public class RebuildBenchmarks
{
    private int _lastCount;

    [Benchmark]
    public int Rebuild()
    {
        _lastCount = BenchData.RebuildAsync().GetAwaiter().GetResult().Ranges.Count;
        return _lastCount;
    }
}
