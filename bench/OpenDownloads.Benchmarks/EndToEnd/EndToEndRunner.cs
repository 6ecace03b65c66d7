using OpenDownloads.Benchmarks.Generation;
using OpenDownloads.Tests.TestData;

namespace OpenDownloads.Benchmarks.EndToEnd;

/// <summary>
/// <c>run [--quick] [--events N] [--seed S]</c>: every end-to-end measure of issue 7 in one run, side by side, so
/// ratios hold on a noisy machine. Ends with <c>count/parse ratio R; count events/s N; stream events/s M</c>.
/// </summary>
internal sealed class EndToEndRunner(TextWriter output)
{
    public async Task<int> RunAsync(string[] args)
    {
        var quick = args.Contains("--quick");
        var settings = new EventMixSettings
        {
            Events = GenerateCommand.ReadInt(args, "--events") ?? (quick ? 1_000_000 : 5_000_000),
            Seed = GenerateCommand.ReadInt(args, "--seed") ?? 7,
        };
        var repeats = quick ? 2 : 3;
        Say($"Machine: {Environment.ProcessorCount} cores, {RuntimeInfo()}; work folder {BenchData.WorkDirectory}");

        var rebuild = MeasureRebuild();
        var datacenters = BenchData.LoadDatacenters();
        var (jsonLines, avro) = BenchData.EnsureLogs(settings, output);
        var tiny = BenchData.EnsureLogs(new EventMixSettings { Events = 2_000, Seed = settings.Seed }, output);
        var measurement = new CountMeasurement(BenchData.AgentsV1, datacenters);

        // Warm-up: JIT and file cache, on the small file and once over the big one.
        measurement.Count(tiny.JsonLines);
        CountMeasurement.Parse(jsonLines);
        var json = MeasureCount(measurement, "JSON lines", jsonLines, repeats);
        var binary = MeasureCount(measurement, "oDL Avro", avro, repeats);
        if (json.Count.Report.Total != binary.Count.Report.Total)
        {
            throw new InvalidOperationException(
                $"The JSON lines file counts {json.Count.Report.Total} downloads and the Avro file "
                + $"{binary.Count.Report.Total}; the same events must count the same.");
        }

        var memory = MeasureMemory(jsonLines, tiny.JsonLines, json.Count.Groups);
        var (v4, v6) = LookupRates.Datacenters(datacenters, TimeSpan.FromSeconds(quick ? 1 : 3));
        Say($"Datacenter lookups: IPv4 {v4 / 1e6:0.0} M/s, IPv6 {v6 / 1e6:0.0} M/s (one thread)");
        var pool = UserAgentPool.Load(BenchData.OpawgV2);
        var (first, repeat) = LookupRates.Agents(BenchData.AgentsV1, pool);
        Say($"User agents: first sight {first:N0}/s over {pool.Count:N0} agents, "
            + $"repeat sight {repeat / 1e6:0.0} M/s");

        var stream = await MeasureStreamAsync(jsonLines, quick ? 20_000 : 100_000, datacenters);
        Say($"Targets: count/parse >= 0.5: {json.Ratio:0.00}; "
            + $"count >= 1 M events/s: {json.Count.EventsPerSecond / 1e6:0.00} M; "
            + $"lookups >= 20 M/s: {Math.Min(v4, v6) / 1e6:0.0} M; repeat agents >= 20 M/s: {repeat / 1e6:0.0} M; "
            + $"rebuild < 2 s, < 300 MB: {rebuild.Elapsed.TotalSeconds:0.00} s, "
            + $"{rebuild.PeakWorkingSetBytes / 1e6:0} MB; "
            + $"<= 150 B/group: {memory:0}; stream >= 10,000 events/s: {stream.EventsPerSecond:0}");
        output.WriteLine($"count/parse ratio {json.Ratio:0.00}; count events/s {json.Count.EventsPerSecond:0}; "
            + $"stream events/s {stream.EventsPerSecond:0}");
        return 0;
    }

    private static string RuntimeInfo() =>
        $"{System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription}, "
        + $"{System.Runtime.InteropServices.RuntimeInformation.OSDescription}";

    private ChildProcessRun MeasureRebuild()
    {
        var target = Path.Combine(BenchData.WorkDirectory, "rebuild-" + Guid.NewGuid().ToString("N")[..8]);
        var run = OdlCommand.Run(
            "datacenters", "rebuild", "--base", BenchData.IpcatList, "--feeds", BenchData.Providers, "--out", target);
        Directory.Delete(target, recursive: true);
        Say($"Rebuild from {Directory.GetFiles(BenchData.Providers).Length - 1} provider copies and ipcat "
            + $"(odl datacenters rebuild, process start included): {run.Elapsed.TotalSeconds:0.00} s, "
            + $"peak {run.PeakWorkingSetBytes / 1e6:0} MB");
        return run;
    }

    private CountComparison MeasureCount(CountMeasurement measurement, string name, string path, int repeats)
    {
        ParseRun? parse = null;
        CountRun? count = null;
        for (var i = 0; i < repeats; i++)
        {
            // Alternated, best of each kept, so a burst of load on the machine hits both alike.
            var p = CountMeasurement.Parse(path);
            var c = measurement.Count(path);
            parse = parse is null || p.Elapsed < parse.Elapsed ? p : parse;
            count = count is null || c.Elapsed < count.Elapsed ? c : count;
        }

        var comparison = new CountComparison(parse!, count!);
        Say($"{name}: parse only {parse!.RecordsPerSecond / 1e6:0.00} M records/s "
            + $"({parse.Elapsed.TotalSeconds:0.00} s); "
            + $"count {count!.EventsPerSecond / 1e6:0.00} M events/s ({count.Elapsed.TotalSeconds:0.00} s); "
            + $"ratio {comparison.Ratio:0.00}; {count.Report.Total:N0} downloads, {count.Groups:N0} groups, "
            + $"{count.Report.DeniedIp:N0} datacenter, {count.Report.Bots:N0} bots, "
            + $"{count.Report.Rejected:N0} rejected");
        return comparison;
    }

    // odl count as its own process, on the big file and on a tiny one: the difference in peak working set is what
    // the listener groups (and everything else that grows with the input) cost.
    private double MeasureMemory(string big, string tiny, int groups)
    {
        string[] Arguments(string log) => ["count", log, "--agents", BenchData.AgentsV1, "--datacenters",
            BenchData.DatacenterDirectory, "--salt", CountMeasurement.Salt, "--json"];
        var small = OdlCommand.Run(Arguments(tiny));
        var large = OdlCommand.Run(Arguments(big));
        var perGroup = (double)(large.PeakWorkingSetBytes - small.PeakWorkingSetBytes) / groups;
        Say($"odl count memory: peak {large.PeakWorkingSetBytes / 1e6:0} MB for {groups:N0} groups "
            + $"({large.PeakWorkingSetBytes / 1e6 / (groups / 1e6):0} MB per million groups), "
            + $"{small.PeakWorkingSetBytes / 1e6:0} MB for a tiny log: {perGroup:0} bytes per group; "
            + $"the process took {large.Elapsed.TotalSeconds:0.00} s");
        return perGroup;
    }

    private async Task<StreamRun> MeasureStreamAsync(
        string jsonLines,
        int events,
        Datacenters.DatacenterRangeSet datacenters)
    {
        var connection = Environment.GetEnvironmentVariable("ODL_TEST_STORAGE") is { Length: > 0 } given
            ? given
            : AzuriteLauncher.Start();
        var run = await StreamMeasurement.RunAsync(connection, jsonLines, events, batchSize: 1000, datacenters);
        Say($"Stream (one partition, batches of 1,000, Azurite): {run.EventsPerSecond:0} events/s over "
            + $"{run.Events:N0} events; {run.StorageRequests:N0} storage requests "
            + $"({(double)run.StorageRequests / run.Batches:0.0} per batch), "
            + $"storage busy {run.StorageShare:P0} of the time");
        return run;
    }

    private void Say(string line)
    {
        output.WriteLine(line);
        output.Flush();
    }

    private sealed record CountComparison(ParseRun Parse, CountRun Count)
    {
        public double Ratio => Parse.Elapsed / Count.Elapsed;
    }
}
