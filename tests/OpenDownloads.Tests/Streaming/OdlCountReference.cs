using OpenDownloads.Agents;
using OpenDownloads.Counting;
using OpenDownloads.Counting.Preparation;
using OpenDownloads.Counting.Readers;
using OpenDownloads.Datacenters;
using OpenDownloads.Tests.TestData;

namespace OpenDownloads.Tests.Streaming;

/// <summary>What <c>odl count</c> makes of the same records with the same salt and lists: the expected result.</summary>
internal static class OdlCountReference
{
    public static readonly Lazy<AgentClassifier> Agents = new(() =>
    {
        using var list = File.OpenRead(SharedData.Path("opawg-v1", "user-agents.json"));
        return AgentClassifier.Load(list, "user-agents.json");
    });

    public static readonly Lazy<DatacenterRangeSet> Datacenters = new(() =>
    {
        using var list = File.OpenRead(SharedData.Path("ipcat", "datacenters.csv"));
        return DatacenterRangeSet.Load([(list, "datacenters.csv")]);
    });

    public static readonly Lazy<IReadOnlyList<RawRecord>> Demo = new(() =>
        [.. LogInput.Read(File.OpenRead(SharedData.Path("odl", "demo.odl.avro")), "demo.odl.avro", null, FieldMapping.Default)]);

    public static CountReport Count(IEnumerable<RawRecord> records, string salt, long offsetSeconds = 0)
    {
        var preparer = new EventPreparer(new IpHasher(salt), new DatacenterDenyList(Datacenters.Value));
        var job = new DownloadCountJob(preparer, new DownloadCounter(Agents.Value, offsetSeconds));
        job.Add(records, _ => { });
        return job.Finish();
    }
}
