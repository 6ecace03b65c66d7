using OpenDownloads.Counting.Preparation;
using OpenDownloads.Counting.Readers;
using OpenDownloads.Streaming;
using OpenDownloads.Streaming.Days;
using OpenDownloads.Streaming.Input;
using OpenDownloads.Streaming.Replay;

namespace OpenDownloads.Cli.Streaming;

/// <summary>
/// What a replay needs to know of its bodies before it starts: when each is sent (its latest request's time),
/// when the first request was made, whether any carries a raw IP, and when each day it touches is due to close.
/// </summary>
internal sealed class ReplaySchedule
{
    private readonly SortedSet<DateTimeOffset> _closes;

    private ReplaySchedule(
        List<ReplayBody> bodies,
        DateTimeOffset start,
        bool needsDatacenters,
        SortedSet<DateTimeOffset> closes,
        IReadOnlyList<DateTimeOffset> closeTimes)
    {
        Bodies = bodies;
        Start = start;
        NeedsDatacenters = needsDatacenters;
        _closes = closes;
        CloseTimes = closeTimes;
        LastClose = closes.Count > 0 ? closes.Max : null;
    }

    public IReadOnlyList<ReplayBody> Bodies { get; }

    public DateTimeOffset Start { get; }

    public bool NeedsDatacenters { get; }

    /// <summary>When each day the bodies touch stops taking requests (its end plus the lateness), ascending.</summary>
    public IReadOnlyList<DateTimeOffset> CloseTimes { get; }

    /// <summary>When the last of those days is due to close (grace included); absent when no body has a time.</summary>
    public DateTimeOffset? LastClose { get; }

    public static ReplaySchedule Build(IEnumerable<ReplayBody> bodies, FieldMapping mapping, StreamingOptions settings)
    {
        var reader = new EventBodyReader(mapping);
        var timed = new List<ReplayBody>();
        var closes = new SortedSet<DateTimeOffset>();
        var first = long.MaxValue;
        var needsDatacenters = false;
        foreach (var body in bodies)
        {
            var latest = long.MinValue;
            var records = body.ReadError is null ? reader.Read(body.Body, "check").Records : [];
            foreach (var record in records)
            {
                needsDatacenters |= !string.IsNullOrWhiteSpace(record[OdlField.Ip]);
                if (OdlTimestamp.TryParseUtcTicks(record[OdlField.Timestamp], out var ticks))
                {
                    latest = Math.Max(latest, ticks);
                    first = Math.Min(first, ticks);
                    var day = StreamDay.Of(ticks, settings.OffsetSeconds);
                    closes.Add(day.End + settings.Lateness + settings.CloseGrace);
                }
            }

            var sentAt = latest == long.MinValue ? (DateTimeOffset?)null : new DateTimeOffset(latest, TimeSpan.Zero);
            timed.Add(body with { SentAt = sentAt });
        }

        var start = first == long.MaxValue ? DateTimeOffset.UtcNow : new DateTimeOffset(first, TimeSpan.Zero);
        var closeTimes = closes.Select(close => close - settings.CloseGrace).ToList();
        return new ReplaySchedule(timed, start, needsDatacenters, closes, closeTimes);
    }

    /// <summary>Whether a day became due to close by <paramref name="now"/> since the last call.</summary>
    public bool TakeDueCloses(DateTimeOffset now)
    {
        var any = false;
        while (_closes.Count > 0 && _closes.Min <= now)
        {
            _closes.Remove(_closes.Min);
            any = true;
        }

        return any;
    }
}
