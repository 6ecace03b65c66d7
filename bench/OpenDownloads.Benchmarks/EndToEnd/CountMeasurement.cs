using System.Diagnostics;
using OpenDownloads.Agents;
using OpenDownloads.Counting;
using OpenDownloads.Counting.Preparation;
using OpenDownloads.Counting.Readers;
using OpenDownloads.Datacenters;

namespace OpenDownloads.Benchmarks.EndToEnd;

/// <summary>
/// Times <c>odl count</c>'s library path on one file (a big JSON-lines file read in parts, one per core) against a
/// parse-only baseline: the same reader on one thread, whose records are only counted. Reference data is loaded
/// before the clock starts; each count gets a fresh user-agent classifier, so it pays for classifying every user
/// agent once, as a real run does.
/// </summary>
internal sealed class CountMeasurement(string agentsPath, DatacenterRangeSet datacenters)
{
    public const string Salt = "benchmark-salt";

    public static ParseRun Parse(string path)
    {
        var clock = Stopwatch.StartNew();
        long records = 0;
        using var stream = File.OpenRead(path);
        foreach (var record in LogInput.Read(stream, path, null, FieldMapping.Default))
        {
            records++;
        }

        return new ParseRun(records, clock.Elapsed);
    }

    public CountRun Count(string path)
    {
        var agents = LoadAgents();
        var counter = new DownloadCounter(agents);
        var preparer = new EventPreparer(new IpHasher(Salt), new DatacenterDenyList(datacenters));
        var job = new DownloadCountJob(preparer, counter);
        long rejected = 0;
        var clock = Stopwatch.StartNew();
        using (var split = SplitLog.TrySplit(path, null, FieldMapping.Default, Environment.ProcessorCount, null))
        {
            if (split is not null)
            {
                job.Add(split.Parts, _ => rejected++);
            }
            else
            {
                using var stream = File.OpenRead(path);
                job.Add(LogInput.Read(stream, path, null, FieldMapping.Default), _ => rejected++);
            }
        }

        var report = job.Finish();
        return new CountRun(report, counter.GroupCount, clock.Elapsed);
    }

    private AgentClassifier LoadAgents()
    {
        using var json = File.OpenRead(agentsPath);
        return AgentClassifier.Load(json, agentsPath);
    }
}
