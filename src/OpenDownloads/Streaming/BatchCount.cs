using OpenDownloads.Counting.Preparation;
using OpenDownloads.Counting.Readers;
using OpenDownloads.Streaming.Counters;
using OpenDownloads.Streaming.Days;
using OpenDownloads.Streaming.Groups;
using OpenDownloads.Streaming.Input;
using OpenDownloads.Streaming.Output;

namespace OpenDownloads.Streaming;

/// <summary>What one batch has counted so far, before it is written.</summary>
internal sealed class BatchCount
{
    private readonly Dictionary<string, EventPreparer> _preparers = new(StringComparer.Ordinal);

    public BatchCount(string partitionId, DateTimeOffset now)
    {
        PartitionId = partitionId;
        Now = now;
    }

    public string PartitionId { get; }

    public DateTimeOffset Now { get; }

    public List<(StreamEvent Event, RawRecord Record)> Records { get; } = [];

    public Dictionary<GroupKey, GroupState> Groups { get; } = [];

    public Dictionary<string, List<CountedRecord>> Buckets { get; } = new(StringComparer.Ordinal);

    public Dictionary<long, DayRecord> Days { get; } = [];

    public Dictionary<string, long> Marks { get; } = new(StringComparer.Ordinal);

    public List<DeadLetter> Letters { get; } = [];

    public int Skipped { get; set; }

    public int DownloadsAdded { get; set; }

    public EventPreparer PreparerFor(string salt, IIpDenyList denyList)
    {
        if (!_preparers.TryGetValue(salt, out var preparer))
        {
            preparer = new EventPreparer(new IpHasher(salt), denyList);
            _preparers.Add(salt, preparer);
        }

        return preparer;
    }

    public void AddToGroup(StreamDay day, in RequestEvent request)
    {
        var key = new GroupKey(day, request.EncodedIp, request.UserAgent, request.EpisodeId);
        var state = new GroupState(request.Qualifies, request.UtcTicks, request.Referer);
        Groups[key] = Groups.TryGetValue(key, out var known) ? GroupState.Merge(known, state) : state;
    }

    public void Count(string bucket, long sequenceNumber, RecordOutcome outcome)
    {
        if (!Buckets.TryGetValue(bucket, out var records))
        {
            records = [];
            Buckets.Add(bucket, records);
        }

        records.Add(new CountedRecord(sequenceNumber, outcome));
    }

    public BatchSummary Summary(int eventCount, long elapsedMs)
    {
        var outcomes = Buckets.Values.SelectMany(records => records).GroupBy(r => r.Outcome)
            .ToDictionary(g => g.Key, g => g.Count());
        return new BatchSummary(
            eventCount,
            Records.Count,
            DownloadsAdded,
            outcomes.GetValueOrDefault(RecordOutcome.Bot),
            outcomes.GetValueOrDefault(RecordOutcome.DeniedIp),
            outcomes.GetValueOrDefault(RecordOutcome.Rejected),
            outcomes.GetValueOrDefault(RecordOutcome.Late),
            Skipped,
            elapsedMs);
    }
}
