using System.Diagnostics;
using OpenDownloads.Agents;
using OpenDownloads.Counting;
using OpenDownloads.Counting.Preparation;
using OpenDownloads.Counting.Readers;
using OpenDownloads.Datacenters;

namespace OpenDownloads.Benchmarks.EndToEnd;

/// <summary>
/// <c>stages LOG</c>: where a count's time goes, for profiling: parse only, parse and prepare, prepare and count on
/// one thread, then the job as <c>odl count</c> runs it (parts of the log read and prepared on every core, counted on
/// another thread), each
/// twice; then the job's finish (the downloads made, sorted and totalled), apart, so the first four compare like for
/// like.
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
            clock.Restart();
            var accepted = Read(path).Select(preparer.Prepare).Count(p => p.Outcome == PrepareOutcome.Accepted);
            var prepare = clock.Elapsed;

            var oneThread = CountOnOneThread(path, preparer);
            var job = new DownloadCountJob(
                new EventPreparer(new IpHasher(CountMeasurement.Salt), datacenters),
                new DownloadCounter(LoadAgents()));
            clock.Restart();
            AddAsOdlCount(job, path);
            var twoThreads = clock.Elapsed;

            // What the job keeps, without the garbage a working set also holds: the groups, then the rows too.
            var liveCounting = GC.GetTotalMemory(forceFullCollection: true);
            clock.Restart();
            var report = job.Finish();
            var finish = clock.Elapsed;
            var liveFinished = GC.GetTotalMemory(forceFullCollection: true);
            GC.KeepAlive(job);
            output.WriteLine(
                $"Round {round}, {parsed:N0} records: parse only {parse.TotalSeconds:0.00} s; "
                + $"parse and prepare ({accepted:N0} accepted) {prepare.TotalSeconds:0.00} s; prepare and count on one "
                + $"thread {oneThread.TotalSeconds:0.00} s; "
                + $"as odl count (parts read on every core, counted on one) {twoThreads.TotalSeconds:0.00} s, "
                + $"then {report.Total:N0} downloads made, sorted and totalled in {finish.TotalSeconds:0.00} s; "
                + $"live heap {liveCounting / 1e6:0} MB after counting, {liveFinished / 1e6:0} MB with the report");
        }

        return 0;
    }

    private static void AddAsOdlCount(DownloadCountJob job, string path)
    {
        using var split = SplitLog.TrySplit(path, null, FieldMapping.Default, Environment.ProcessorCount, null);
        if (split is null)
        {
            job.Add(Read(path), _ => { });
        }
        else
        {
            job.Add(split.Parts, _ => { });
        }
    }

    private static TimeSpan CountOnOneThread(string path, EventPreparer preparer)
    {
        var counter = new DownloadCounter(LoadAgents());
        var clock = Stopwatch.StartNew();
        foreach (var prepared in Read(path).Select(preparer.Prepare))
        {
            if (prepared.Outcome == PrepareOutcome.Accepted)
            {
                counter.Add(prepared.Event);
            }
        }

        return clock.Elapsed;
    }

    private static IEnumerable<RawRecord> Read(string path) =>
        LogInput.Read(File.OpenRead(path), path, null, FieldMapping.Default);

    private static AgentClassifier LoadAgents()
    {
        using var json = File.OpenRead(BenchData.AgentsV1);
        return AgentClassifier.Load(json, BenchData.AgentsV1);
    }
}
