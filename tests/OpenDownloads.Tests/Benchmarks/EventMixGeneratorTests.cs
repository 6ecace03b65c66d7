using System.Text;
using OpenDownloads.Agents;
using OpenDownloads.Benchmarks.Generation;
using OpenDownloads.Counting;
using OpenDownloads.Counting.Preparation;
using OpenDownloads.Counting.Readers;
using OpenDownloads.Datacenters;
using OpenDownloads.Tests.TestData;

namespace OpenDownloads.Tests.Benchmarks;

/// <summary>The benchmarks' generator makes the log it promises, the same one for a seed, in both formats.</summary>
public sealed class EventMixGeneratorTests
{
    private const string Ipv6Datacenters =
        "2600:1f00::,2600:1fff:ffff:ffff:ffff:ffff:ffff:ffff,Amazon AWS,https://aws.amazon.com\n"
        + "2a01:111::,2a01:111:ffff:ffff:ffff:ffff:ffff:ffff,Microsoft Azure,https://azure.microsoft.com\n";

    private static readonly Lazy<DatacenterRangeSet> Datacenters = new(() =>
    {
        using var ipcat = File.OpenRead(SharedData.Path("ipcat", "datacenters.csv"));
        using var ipv6 = new MemoryStream(Encoding.UTF8.GetBytes(Ipv6Datacenters));
        return DatacenterRangeSet.Load([(ipcat, "datacenters.csv"), (ipv6, "ipv6.csv")]);
    });

    private static readonly Lazy<IReadOnlyList<string>> Agents =
        new(() => UserAgentPool.Load(SharedData.Path("opawg-v2")));

    [Fact]
    public void Generate_SameSeed_GivesTheSameEvents()
    {
        var settings = new EventMixSettings { Events = 3_000, Seed = 3 };

        var first = Generator(settings).Generate().ToList();
        var second = Generator(settings).Generate().ToList();

        Assert.Equal(first, second);
    }

    [Fact]
    public void Generate_OtherSeed_GivesOtherEvents()
    {
        var first = Generator(new EventMixSettings { Events = 1_000, Seed = 3 }).Generate().ToList();
        var second = Generator(new EventMixSettings { Events = 1_000, Seed = 4 }).Generate().ToList();

        Assert.NotEqual(first, second);
    }

    [Fact]
    public void Generate_ThirtyThousandEvents_HasTheAdvertisedMix()
    {
        var settings = new EventMixSettings { Events = 30_000, Seed = 5 };
        var tally = new EventMixTally();

        var events = tally.Observe(Generator(settings).Generate()).ToList();

        Assert.Equal(30_000, tally.Events);
        Assert.InRange((double)tally.DatacenterEvents / tally.Events, 0.10, 0.15);
        Assert.InRange((double)tally.Ipv6Events / tally.Events, 0.2, 0.4);
        Assert.InRange(tally.DistinctAgents, 2_000, Agents.Value.Count);
        Assert.InRange(tally.DistinctEpisodes, 200, settings.Episodes);
        Assert.True(tally.Probes > 0 && tally.Ranges > tally.Probes, $"probes {tally.Probes}, ranges {tally.Ranges}");
        Assert.All(events, e => Assert.InRange(
            DateTimeOffset.Parse(e.Timestamp, System.Globalization.CultureInfo.InvariantCulture),
            settings.Start,
            settings.Start.AddDays(settings.Days).AddMinutes(2)));
    }

    [Fact]
    public void Generate_DatacenterEvents_AreExactlyTheOnesTheListDenies()
    {
        var tally = new EventMixTally();
        var events = tally.Observe(Generator(new EventMixSettings { Events = 5_000, Seed = 6 }).Generate()).ToList();

        var report = Count(Write(events, JsonLinesEventWriter.Write), "events.jsonl");

        Assert.Equal(tally.DatacenterEvents, report.DeniedIp);
        Assert.Contains(events, e => e.IsDatacenter && e.IsIpv6);
    }

    [Fact]
    public void Count_JsonLinesAndAvro_GiveTheSameDownloads()
    {
        var events = Generator(new EventMixSettings { Events = 5_000, Seed = 8 }).Generate().ToList();

        var jsonLines = Count(Write(events, JsonLinesEventWriter.Write), "events.jsonl");
        var avroFile = Write(events, (stream, all) => AvroEventWriter.Write(stream, all, seed: 8));
        var avro = Count(avroFile, "events.odl.avro");

        Assert.Equal(5_000, jsonLines.Events);
        Assert.Equal(0, jsonLines.Rejected);
        Assert.True(jsonLines.Total > 1_000, $"only {jsonLines.Total} downloads");
        Assert.Equal(
            (jsonLines.Events, jsonLines.DeniedIp, jsonLines.Bots, jsonLines.Rejected),
            (avro.Events, avro.DeniedIp, avro.Bots, avro.Rejected));
        Assert.Equal(jsonLines.Downloads, avro.Downloads);
    }

    private static EventMixGenerator Generator(EventMixSettings settings) =>
        new(settings, Agents.Value, Datacenters.Value);

    private static byte[] Write(List<GeneratedEvent> events, Action<Stream, IEnumerable<GeneratedEvent>> write)
    {
        using var output = new MemoryStream();
        write(output, events);
        return output.ToArray();
    }

    private static CountReport Count(byte[] log, string name)
    {
        using var list = File.OpenRead(SharedData.Path("opawg-v1", "user-agents.json"));
        var agents = AgentClassifier.Load(list, "user-agents.json");
        var preparer = new EventPreparer(new IpHasher("test-salt"), new DatacenterDenyList(Datacenters.Value));
        var job = new DownloadCountJob(preparer, new DownloadCounter(agents));
        job.Add(LogInput.Read(new MemoryStream(log), name, null, FieldMapping.Default), _ => { });
        return job.Finish();
    }
}
