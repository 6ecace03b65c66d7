using System.Diagnostics;
using OpenDownloads.Agents;
using OpenDownloads.Datacenters;

namespace OpenDownloads.Benchmarks.EndToEnd;

/// <summary>
/// Quick rates for the runner's table; the BenchmarkDotNet classes in <c>Micro/</c> measure the same things
/// with proper warm-up and statistics.
/// </summary>
internal static class LookupRates
{
    public static (double Ipv4, double Ipv6) Datacenters(DatacenterRangeSet set, TimeSpan budget)
    {
        var (v4, v6) = LookupAddresses.Create(set, 4096, seed: 11);
        return (PerSecond(v4, a => set.Contains(a), budget), PerSecond(v6, a => set.Contains(a), budget));
    }

    public static (double FirstSight, double RepeatSight) Agents(string agentsPath, IReadOnlyList<string> pool)
    {
        AgentClassifier Load()
        {
            using var json = File.OpenRead(agentsPath);
            return AgentClassifier.Load(json, agentsPath);
        }

        var classifier = Load();
        var clock = Stopwatch.StartNew();
        foreach (var agent in pool)
        {
            classifier.Classify(agent);
        }

        var first = pool.Count / clock.Elapsed.TotalSeconds;
        var agents = pool.ToArray();
        return (first, PerSecond(agents, a => classifier.Classify(a).IsBot, TimeSpan.FromSeconds(1)));
    }

    private static double PerSecond<T>(T[] items, Func<T, bool> operation, TimeSpan budget)
    {
        long done = 0;
        var hits = 0;
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < budget)
        {
            foreach (var item in items)
            {
                hits += operation(item) ? 1 : 0;
            }

            done += items.Length;
        }

        GC.KeepAlive(hits);
        return done / clock.Elapsed.TotalSeconds;
    }
}
