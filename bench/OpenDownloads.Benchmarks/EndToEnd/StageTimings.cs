using System.Diagnostics;
using OpenDownloads.Agents;
using OpenDownloads.Counting;
using OpenDownloads.Counting.Preparation;
using OpenDownloads.Counting.Readers;
using OpenDownloads.Datacenters;

namespace OpenDownloads.Benchmarks.EndToEnd;

/// <summary>
/// <c>stages LOG</c>: where a count's time goes, for profiling: parse only, then prepare and count on one thread,
/// then the job as <c>odl count</c> runs it (read and prepare on one thread, count on another), each twice; then
/// the job's finish (the downloads made, sorted and totalled), apart, so the first three compare like for like.
/// </summary>
internal static class StageTimings
{
    public static int Run(string path, TextWriter output)
    {
        var datacenters = new DatacenterDenyList(BenchData.LoadDatacenters());
        for (var round = 1; round <= 2; round++)
        {
            var clock = Stopwatch.StartNew();
            var parsed = Read(path).Count();
            var parse = clock.Elapsed;

            var preparer = new EventPreparer(new IpHasher(CountMeasurement.Salt), datacenters);
            var counter = new DownloadCounter(LoadAgents());
            clock.Restart();
            foreach (var prepared in Read(path).Select(preparer.Prepare))
            {
                if (prepared.Outcome == PrepareOutcome.Accepted)
                {
                    counter.Add(prepared.Event);
                }
            }

            var oneThread = clock.Elapsed;
            var job = new DownloadCountJob(
                new EventPreparer(new IpHasher(CountMeasurement.Salt), datacenters),
                new DownloadCounter(LoadAgents()));
            clock.Restart();
            job.Add(Read(path), _ => { });
            var twoThreads = clock.Elapsed;
            clock.Restart();
            var downloads = job.Finish().Total;
            var finish = clock.Elapsed;
            output.WriteLine(
                $"Round {round}, {parsed:N0} records: parse only {parse.TotalSeconds:0.00} s; prepare and count on one "
                + $"thread {oneThread.TotalSeconds:0.00} s; "
                + $"as odl count (two threads) {twoThreads.TotalSeconds:0.00} s, "
                + $"then {downloads:N0} downloads made, sorted and totalled in {finish.TotalSeconds:0.00} s");
        }

        return 0;
    }

    private static IEnumerable<RawRecord> Read(string path) =>
        LogInput.Read(File.OpenRead(path), path, null, FieldMapping.Default);

    private static AgentClassifier LoadAgents()
    {
        using var json = File.OpenRead(BenchData.AgentsV1);
        return AgentClassifier.Load(json, BenchData.AgentsV1);
    }
}
