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

    // The last IP hashed, with its hash: a listener's requests tend to come one after another.
    private string? _lastIp;
    private ulong _lastHigh;
    private ulong _lastLow;

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
            if (Take(prepared) is { } reason)
            {
                onRejected(new RejectedRecord(record.Location, reason));
            }
        }
    }

    /// <summary>
    /// Adds the records of <paramref name="parts"/>, the consecutive parts of one log, read and prepared on a
    /// thread each; <paramref name="onRejected"/> receives each record that cannot be counted, with its line and
    /// record numbers in the whole log, in the log's order, exactly as <see cref="Add(IEnumerable{RawRecord},
    /// Action{RejectedRecord})"/> would give them.
    /// </summary>
    /// <remarks>
    /// The counts do not depend on the order of the records, so the parts are counted as they come. The rejections
    /// of the first part go out at once; those of later parts are held until the parts before them have been read,
    /// as their numbers depend on how many lines and records came before.
    /// </remarks>
    /// <returns>How many records the parts held.</returns>
    internal long Add(IReadOnlyList<LogPart> parts, Action<RejectedRecord> onRejected)
    {
        ArgumentNullException.ThrowIfNull(parts);
        ArgumentNullException.ThrowIfNull(onRejected);
        var held = new List<RejectedRecord>[parts.Count];
        foreach (var (part, (location, prepared)) in PartPrefetcher<(RecordLocation, PreparedRecord)>.Read(
            parts,
            record => (record.Location, _preparer.PrepareForCounting(record))))
        {
            if (Take(prepared) is not { } reason)
            {
                continue;
            }

            if (part == 0)
            {
                onRejected(new RejectedRecord(location, reason));
            }
            else
            {
                (held[part] ??= []).Add(new RejectedRecord(location, reason));
            }
        }

        long lines = 0;
        long records = 0;
        for (var i = 0; i < parts.Count; i++)
        {
            foreach (var rejected in held[i] ?? [])
            {
                var (source, line, record) = rejected.Location;
                onRejected(rejected with { Location = new RecordLocation(source, line + lines, record + records) });
            }

            lines += parts[i].Tally.Lines;
            records += parts[i].Tally.Records;
        }

        return records;
    }

    // Counts a prepared record; returns why it was rejected, if it was.
    private string? Take(in PreparedRecord prepared)
    {
        _events++;
        switch (prepared.Outcome)
        {
            case PrepareOutcome.Accepted:
                Count(prepared.Event);
                return null;
            case PrepareOutcome.DeniedIp:
                _deniedIp++;
                return null;
            default:
                _rejected++;
                return prepared.Reason!;
        }
    }

    private void Count(in RequestEvent request)
    {
        if (request.UnhashedIp is not { } rawIp)
        {
            _counter.Add(request);
            return;
        }

        if (!string.Equals(rawIp, _lastIp, StringComparison.Ordinal))
        {
            Span<byte> hash = stackalloc byte[16];
            _preparer.HashIp(rawIp, hash);
            _lastIp = rawIp;
            _lastHigh = BinaryPrimitives.ReadUInt64BigEndian(hash);
            _lastLow = BinaryPrimitives.ReadUInt64BigEndian(hash[8..]);
        }

        _counter.Add(request, _lastHigh, _lastLow);
    }

    /// <summary>Returns the report of everything added so far.</summary>
    /// <remarks>
    /// The report's downloads are made from the counter's compact rows each time they are read; the totals are
    /// taken from the rows at once.
    /// </remarks>
    public CountReport Finish() => _counter.Report(_events, _deniedIp, _rejected);
}
