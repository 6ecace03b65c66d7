using Microsoft.Extensions.Logging;
using OpenDownloads.Counting.Preparation;
using OpenDownloads.Counting.Readers;
using OpenDownloads.Streaming.Counters;
using OpenDownloads.Streaming.Days;
using OpenDownloads.Streaming.Groups;
using OpenDownloads.Streaming.Input;
using OpenDownloads.Streaming.Output;
using OpenDownloads.Streaming.Reference;

namespace OpenDownloads.Streaming;

/// <summary>
/// Counts one batch of events from one Event Hubs partition with <c>odl count</c>'s rules: reads each body, hashes
/// each IP with its day's salt, drops datacenter IPs and bots, merges the requests into their listener groups in
/// the state table, adds the batch's record tallies, and dead-letters what cannot be counted. Any batch may come
/// again, in part or whole, on this instance or another: it counts nothing twice. A bad record never fails a
/// batch; a storage failure does, and the batch is then delivered again.
/// </summary>
public sealed class StreamBatchHandler
{
    private readonly StreamingOptions _options;
    private readonly EventBodyReader _reader;
    private readonly DayStore _days;
    private readonly GroupStore _groups;
    private readonly CounterStore _counters;
    private readonly DeadLetterWriter _deadLetters;
    private readonly ReferenceDataBlobs _reference;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    internal StreamBatchHandler(
        StreamingOptions options,
        DayStore days,
        GroupStore groups,
        CounterStore counters,
        DeadLetterWriter deadLetters,
        ReferenceDataBlobs reference,
        TimeProvider time,
        ILogger logger)
    {
        _options = options;
        _reader = new EventBodyReader(FieldMapping.Create(options.MappingRules));
        _days = days;
        _groups = groups;
        _counters = counters;
        _deadLetters = deadLetters;
        _reference = reference;
        _time = time;
        _logger = logger;
    }

    /// <summary>Counts <paramref name="events"/>, which came in this order from partition
    /// <paramref name="partitionId"/>.</summary>
    /// <exception cref="Azure.RequestFailedException">Storage failed; deliver the batch again.</exception>
    /// <exception cref="StreamingException">A day closed under the batch; deliver it again.</exception>
    public async Task<BatchSummary> HandleAsync(
        string partitionId,
        IReadOnlyList<StreamEvent> events,
        CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(partitionId);
        ArgumentNullException.ThrowIfNull(events);
        var started = _time.GetTimestamp();
        var batch = new BatchCount(partitionId, _time.GetUtcNow());
        foreach (var streamEvent in events)
        {
            var source = $"p{partitionId}/s{streamEvent.SequenceNumber}";
            var read = streamEvent.ReadError is { } readError
                ? new EventRecords(EventShape.JsonEvents, [RawRecord.Unreadable(new(source, 1, 1), readError)], 0)
                : _reader.Read(streamEvent.Body, source);
            batch.Skipped += read.Skipped;
            batch.Records.AddRange(read.Records.Select(record => (streamEvent, record)));
        }

        var needDatacenters = batch.Records.Any(r =>
            r.Record.ReadError is null && !string.IsNullOrWhiteSpace(r.Record[OdlField.Ip]));
        var reference = await _reference.GetAsync(needDatacenters, cancellationToken);
        foreach (var (streamEvent, record) in batch.Records)
        {
            await CountAsync(batch, reference, streamEvent, record, cancellationToken);
        }

        try
        {
            await WriteAsync(batch, events, cancellationToken);
        }
        catch (Azure.RequestFailedException error)
        {
            StreamingLog.BatchFailed(_logger, error, partitionId, error.Status, StorageFailures.IsTransient(error));
            throw;
        }

        var summary = batch.Summary(events.Count, (long)_time.GetElapsedTime(started).TotalMilliseconds);
        StreamingLog.BatchCounted(_logger, partitionId, summary.Events, summary.Records, summary.DownloadsAdded,
            summary.Bots, summary.DeniedIp, summary.Rejected, summary.Late, summary.Skipped, summary.ElapsedMs);
        return summary;
    }

    private async Task CountAsync(
        BatchCount batch,
        ReferenceSnapshot reference,
        StreamEvent streamEvent,
        RawRecord record,
        CancellationToken cancellationToken)
    {
        var bucket = CounterStore.Undated;
        var salt = _options.Salt;
        if (record.ReadError is null && OdlTimestamp.TryParseUtcTicks(record[OdlField.Timestamp], out var ticks))
        {
            var day = StreamDay.Of(ticks, _options.OffsetSeconds);
            bucket = day.Key;
            var open = await _days.GetOrOpenAsync(day, _options.Salt, batch.Now, cancellationToken);
            if (open is null || !open.Accepts(batch.Now))
            {
                await CountLateAsync(batch, reference, day, streamEvent, record, cancellationToken);
                return;
            }

            batch.Days[day.WindowStart] = open;
            salt = open.Salt ?? _options.Salt;
        }

        var prepared = batch.PreparerFor(salt, reference.DenyList).Prepare(record);
        var outcome = prepared.Outcome switch
        {
            PrepareOutcome.DeniedIp => RecordOutcome.DeniedIp,
            PrepareOutcome.Rejected => RecordOutcome.Rejected,
            _ => reference.Agents.Classify(prepared.Event.UserAgent).IsBot ? RecordOutcome.Bot : RecordOutcome.Grouped,
        };
        if (outcome == RecordOutcome.Grouped)
        {
            batch.AddToGroup(StreamDay.Of(prepared.Event.UtcTicks, _options.OffsetSeconds), prepared.Event);
        }
        else if (outcome == RecordOutcome.Rejected)
        {
            batch.Letters.Add(Letter(streamEvent, record, prepared.Reason!));
        }

        batch.Count(bucket, streamEvent.SequenceNumber, outcome);
    }

    private async Task CountLateAsync(
        BatchCount batch,
        ReferenceSnapshot reference,
        StreamDay day,
        StreamEvent streamEvent,
        RawRecord record,
        CancellationToken cancellationToken)
    {
        // A redelivered event the day counted before it closed is not late: it was counted.
        if (!batch.Marks.TryGetValue(day.Key, out var mark))
        {
            mark = await _counters.ReadMarkAsync(day.Key, batch.PartitionId, cancellationToken);
            batch.Marks[day.Key] = mark;
        }

        if (streamEvent.SequenceNumber <= mark)
        {
            return;
        }

        // Only a request that could have been counted is late; a bad one is rejected, as odl count rejects it. Its
        // day's totals are final, so it is counted with the records that belong to no day.
        var prepared = batch.PreparerFor(_options.Salt, reference.DenyList).Prepare(record);
        if (prepared.Outcome == PrepareOutcome.Rejected)
        {
            batch.Letters.Add(Letter(streamEvent, record, prepared.Reason!));
            batch.Count(CounterStore.Undated, streamEvent.SequenceNumber, RecordOutcome.Rejected);
            return;
        }

        var reason = $"The request's day {day} closed at {day.End + _options.Lateness:yyyy-MM-dd'T'HH:mm'Z'}; "
            + "it arrived too late to be counted.";
        batch.Letters.Add(Letter(streamEvent, record, reason) with { IsLate = true });
        batch.Count(day.Key, streamEvent.SequenceNumber, RecordOutcome.Late);
    }

    private async Task WriteAsync(
        BatchCount batch,
        IReadOnlyList<StreamEvent> events,
        CancellationToken cancellationToken)
    {
        // The closer waits CloseGrace after CloseAt before it reads a day, so a write that starts before CloseAt is in.
        var now = _time.GetUtcNow();
        if (batch.Days.Values.FirstOrDefault(day => !day.Accepts(now)) is { } closing)
        {
            throw new StreamingException(
                $"Day {closing.Day} stopped taking requests at {closing.CloseAt:o} while a batch of partition "
                + $"{batch.PartitionId} was being counted; deliver the batch again and its requests count as late.");
        }

        batch.DownloadsAdded = await _groups.MergeAsync(batch.Groups, cancellationToken);
        await Task.WhenAll(batch.Buckets.Select(bucket =>
            _counters.AddAsync(bucket.Key, batch.PartitionId, bucket.Value, cancellationToken)));
        if (batch.Letters.Count > 0)
        {
            await _deadLetters.WriteAsync(batch.PartitionId, events[0].SequenceNumber, events[^1].SequenceNumber,
                batch.Now, batch.Letters, cancellationToken);
        }
    }

    private static DeadLetter Letter(StreamEvent streamEvent, RawRecord record, string reason) =>
        DeadLetter.For(streamEvent, record, reason);
}
