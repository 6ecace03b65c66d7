using Microsoft.Extensions.Logging.Abstractions;
using OpenDownloads.Benchmarks.Generation;
using OpenDownloads.Datacenters;
using OpenDownloads.Datacenters.Building;
using OpenDownloads.Datacenters.Output;
using OpenDownloads.Tests.TestData;

namespace OpenDownloads.Benchmarks;

/// <summary>
/// The inputs every benchmark shares: the real reference data in <c>../shared/data</c>, and the datacenter list and
/// logs made from it in a folder outside the repository (<c>ODL_BENCH_DIR</c>, else a temporary folder), reused
/// while the settings that made them are the same.
/// </summary>
internal static class BenchData
{
    public static string WorkDirectory { get; } = Directory.CreateDirectory(
        Environment.GetEnvironmentVariable("ODL_BENCH_DIR") is { Length: > 0 } dir
            ? dir
            : Path.Combine(Path.GetTempPath(), "odl-bench")).FullName;

    public static string AgentsV1 => SharedData.Path("opawg-v1", "user-agents.json");

    public static string OpawgV2 => SharedData.Path("opawg-v2");

    public static string IpcatList => SharedData.Path("ipcat", "datacenters.csv");

    public static string Providers => SharedData.Path("providers");

    public static string DatacenterDirectory => Path.Combine(WorkDirectory, "datacenters");

    /// <summary>Rebuilds the datacenter list from ipcat's list and every provider copy, once.</summary>
    public static string EnsureDatacenterList()
    {
        if (!File.Exists(Path.Combine(DatacenterDirectory, DatacenterListFiles.Manifest)))
        {
            RebuildAsync().GetAwaiter().GetResult().WriteToAsync(DatacenterDirectory, default).GetAwaiter().GetResult();
        }

        return DatacenterDirectory;
    }

    public static Task<DatacenterListBuild> RebuildAsync()
    {
        var options = new DatacenterRebuildOptions { BaseList = IpcatList, FeedDirectory = Providers };
        var http = new HttpClient();
        var rebuilder = DatacenterListRebuilder.Create(options, http, TimeProvider.System, NullLogger.Instance);
        return rebuilder.RebuildAsync(null, default);
    }

    public static DatacenterRangeSet LoadDatacenters()
    {
        var directory = EnsureDatacenterList();
        var files = DatacenterListFiles.RangeLists.Select(name => Path.Combine(directory, name)).ToList();
        var streams = files.Select(path => ((Stream)File.OpenRead(path), path)).ToList();
        try
        {
            return DatacenterRangeSet.Load(streams);
        }
        finally
        {
            streams.ForEach(s => s.Item1.Dispose());
        }
    }

    /// <summary>Returns the generated log for the settings in both formats, writing them if they are missing.</summary>
    public static (string JsonLines, string Avro) EnsureLogs(EventMixSettings settings, TextWriter progress)
    {
        var stem = Path.Combine(WorkDirectory, $"events-{settings.Events}-seed{settings.Seed}");
        var (jsonLines, avro) = (stem + ".jsonl", stem + ".odl.avro");
        if (File.Exists(jsonLines) && File.Exists(avro))
        {
            return (jsonLines, avro);
        }

        progress.WriteLine($"Generating {settings.Events:N0} events (seed {settings.Seed}) into {WorkDirectory}...");
        var generator = new EventMixGenerator(settings, UserAgentPool.Load(OpawgV2), LoadDatacenters());
        var tally = new EventMixTally();
        WriteAtomically(jsonLines, stream => JsonLinesEventWriter.Write(stream, tally.Observe(generator.Generate())));
        WriteAtomically(avro, stream => AvroEventWriter.Write(stream, generator.Generate(), settings.Seed));
        progress.WriteLine($"Generated: {tally}.");
        return (jsonLines, avro);
    }

    private static void WriteAtomically(string path, Action<Stream> write)
    {
        var partial = path + ".partial";
        using (var stream = new BufferedStream(File.Create(partial), 1 << 20))
        {
            write(stream);
        }

        File.Move(partial, path, overwrite: true);
    }
}
