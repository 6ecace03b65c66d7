using System.Buffers.Binary;
using OpenDownloads.Counting.Preparation;
using OpenDownloads.Counting.Readers;

namespace OpenDownloads.Counting;

/// <summary>
/// Runs records through oDL's stages: prepare (drop datacenter IPs, hash, clean), then count. Records from any
/// number of inputs may be added in any order; a record that cannot be counted is passed to the caller with its
/// reason and the job goes on.
/// </summary>
public sealed class DownloadCountJob
{
    private readonly EventPreparer _preparer;
    private readonly DownloadCounter _counter;
    private long _events;
    private long _deniedIp;
    private long _rejected;

    /// <summary>Initializes a job.</summary>
    public DownloadCountJob(EventPreparer preparer, DownloadCounter counter)
    {
        ArgumentNullException.ThrowIfNull(preparer);
        ArgumentNullException.ThrowIfNull(counter);
        _preparer = preparer;
        _counter = counter;
    }

    /// <summary>Adds records; <paramref name="onRejected"/> receives each one that cannot be counted.</summary>
    /// <remarks>
    /// The records are read and prepared on another thread, a few hundred ahead, while this one counts them:
    /// reading and preparing a log and counting it each take about one core, and the IP's hash, the largest step of
    /// preparing, is left to the counting thread to even them out. <paramref name="onRejected"/> is
    /// called on the calling thread, in the order the records were read; an exception from reading is rethrown
    /// here after the records read before it have been counted.
    /// </remarks>
    public void Add(IEnumerable<RawRecord> records, Action<RejectedRecord> onRejected)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(onRejected);
        foreach (var (record, prepared) in RecordPrefetcher<(RawRecord, PreparedRecord)>.Read(
            records,
            record => (record, _preparer.PrepareForCounting(record))))
        {
            _events++;
            switch (prepared.Outcome)
            {
                case PrepareOutcome.Accepted:
                    Count(prepared.Event);
                    break;
                case PrepareOutcome.DeniedIp:
                    _deniedIp++;
                    break;
                default:
                    _rejected++;
                    onRejected(new RejectedRecord(record.Location, prepared.Reason!));
                    break;
            }
        }
    }

    private void Count(in RequestEvent request)
    {
        if (request.UnhashedIp is not { } rawIp)
        {
            _counter.Add(request);
            return;
        }

        Span<byte> hash = stackalloc byte[16];
        _preparer.HashIp(rawIp, hash);
        _counter.Add(
            request,
            BinaryPrimitives.ReadUInt64BigEndian(hash),
            BinaryPrimitives.ReadUInt64BigEndian(hash[8..]));
    }

    /// <summary>Returns the report of everything added so far.</summary>
    /// <remarks>
    /// The report's downloads are made from the counter's compact rows each time they are read; the totals are
    /// taken from the rows at once.
    /// </remarks>
    public CountReport Finish() => _counter.Report(_events, _deniedIp, _rejected);
}
