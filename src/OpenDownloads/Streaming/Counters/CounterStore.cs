using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;

namespace OpenDownloads.Streaming.Counters;

/// <summary>
/// The record tallies of each day (and of records with no day), one row per Event Hubs partition. Each row keeps
/// the highest sequence number it has counted: a partition delivers its events in order, a redelivery starts again
/// from an earlier checkpoint, and an instance taking a partition over starts from a checkpoint all earlier events
/// were counted before. So an event at or below the mark has been counted and is not counted again, and the update
/// is conditional on the ETag it was computed from, so two instances never both count the same events.
/// </summary>
internal sealed class CounterStore
{
    /// <summary>The bucket of records that belong to no day, such as those with no readable time.</summary>
    public const string Undated = "undated";

    private const int MaxAttempts = 20;

    private readonly TableClient _table;
    private readonly ILogger _logger;

    public CounterStore(TableClient table, ILogger logger)
    {
        _table = table;
        _logger = logger;
    }

    public static string PartitionOf(string bucket) => "c" + bucket;

    /// <summary>Adds the records of a batch that the bucket's row has not counted yet.</summary>
    public async Task AddAsync(
        string bucket,
        string partitionId,
        IReadOnlyList<CountedRecord> records,
        CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var found = await _table.GetEntityIfExistsAsync<TableEntity>(
                PartitionOf(bucket), partitionId, cancellationToken: cancellationToken);
            var mark = found.HasValue ? found.Value!.GetInt64("Sequence") ?? long.MinValue : long.MinValue;
            var tally = found.HasValue ? TallyOf(found.Value!) : RecordTally.Zero;
            var newest = mark;
            foreach (var record in records)
            {
                if (record.SequenceNumber > mark)
                {
                    tally = tally.Add(RecordTally.Of(record.Outcome));
                    newest = Math.Max(newest, record.SequenceNumber);
                }
            }

            if (newest == mark)
            {
                return;
            }

            var entity = ToEntity(bucket, partitionId, tally, newest);
            try
            {
                if (found.HasValue)
                {
                    var etag = found.Value!.ETag;
                    await _table.UpdateEntityAsync(entity, etag, TableUpdateMode.Replace, cancellationToken);
                }
                else
                {
                    await _table.AddEntityAsync(entity, cancellationToken);
                }

                return;
            }
            catch (RequestFailedException error) when (StorageFailures.IsConflict(error) && attempt < MaxAttempts)
            {
                StreamingLog.ConflictRetried(_logger, "adding record tallies", error.Status, attempt);
            }
        }
    }

    /// <summary>Returns the highest sequence number the bucket has counted from a partition.</summary>
    public async Task<long> ReadMarkAsync(string bucket, string partitionId, CancellationToken cancellationToken)
    {
        var found = await _table.GetEntityIfExistsAsync<TableEntity>(
            PartitionOf(bucket), partitionId, cancellationToken: cancellationToken);
        return found.HasValue ? found.Value!.GetInt64("Sequence") ?? long.MinValue : long.MinValue;
    }

    /// <summary>Returns the bucket's tally over all partitions.</summary>
    public async Task<RecordTally> ReadAsync(string bucket, CancellationToken cancellationToken)
    {
        var total = RecordTally.Zero;
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {PartitionOf(bucket)}");
        await foreach (var entity in _table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            total = total.Add(TallyOf(entity));
        }

        return total;
    }

    private static RecordTally TallyOf(TableEntity entity) => new(
        entity.GetInt64("Events") ?? 0,
        entity.GetInt64("Bots") ?? 0,
        entity.GetInt64("DeniedIp") ?? 0,
        entity.GetInt64("Rejected") ?? 0,
        entity.GetInt64("Late") ?? 0);

    private static TableEntity ToEntity(string bucket, string partitionId, RecordTally tally, long sequence) =>
        new(PartitionOf(bucket), partitionId)
        {
            ["Sequence"] = sequence,
            ["Events"] = tally.Events,
            ["Bots"] = tally.Bots,
            ["DeniedIp"] = tally.DeniedIp,
            ["Rejected"] = tally.Rejected,
            ["Late"] = tally.Late,
        };
}
