using BenchmarkDotNet.Attributes;
using OpenDownloads.Agents;
using OpenDownloads.Benchmarks.Generation;

namespace OpenDownloads.Benchmarks.Micro;

/// <summary>
/// User-agent classification with OPAWG's v1 list: first sight runs the list's patterns in order (what a cache miss
/// costs); repeat sight is the cache every later request of that agent hits.
/// </summary>
[MemoryDiagnoser]
public class AgentClassificationBenchmarks
{
    private AgentClassifier _classifier = null!;
    private string[] _agents = [];

    [GlobalSetup]
    public void Setup()
    {
        using var json = File.OpenRead(BenchData.AgentsV1);
        _classifier = AgentClassifier.Load(json, BenchData.AgentsV1);
        _agents = [.. UserAgentPool.Load(BenchData.OpawgV2).Take(1024)];
        foreach (var agent in _agents)
        {
            _classifier.Classify(agent);
        }
    }

    [Benchmark(OperationsPerInvoke = 1024)]
    public int FirstSight()
    {
        var matched = 0;
        foreach (var agent in _agents)
        {
            matched += _classifier.FindEntry(agent) is null ? 0 : 1;
        }

        return matched;
    }

    [Benchmark(OperationsPerInvoke = 1024)]
    public int RepeatSight()
    {
        var bots = 0;
        foreach (var agent in _agents)
        {
            bots += _classifier.Classify(agent).IsBot ? 1 : 0;
        }

        return bots;
    }
}
