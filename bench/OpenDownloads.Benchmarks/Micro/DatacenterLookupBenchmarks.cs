using BenchmarkDotNet.Attributes;
using OpenDownloads.Datacenters;

namespace OpenDownloads.Benchmarks.Micro;

/// <summary>
/// Lookups in the full rebuilt datacenter list (ipcat plus every provider copy), IPv4 and IPv6 apart.
/// </summary>
[MemoryDiagnoser]
public class DatacenterLookupBenchmarks
{
    private const int Addresses = 4096;

    private DatacenterRangeSet _set = null!;
    private UInt128[] _ipv4 = [];
    private UInt128[] _ipv6 = [];

    [GlobalSetup]
    public void Setup()
    {
        _set = BenchData.LoadDatacenters();
        (_ipv4, _ipv6) = LookupAddresses.Create(_set, Addresses, seed: 11);
    }

    [Benchmark(OperationsPerInvoke = Addresses)]
    public int Ipv4() => Count(_ipv4);

    [Benchmark(OperationsPerInvoke = Addresses)]
    public int Ipv6() => Count(_ipv6);

    private int Count(UInt128[] addresses)
    {
        var found = 0;
        foreach (var address in addresses)
        {
            found += _set.Contains(address) ? 1 : 0;
        }

        return found;
    }
}
