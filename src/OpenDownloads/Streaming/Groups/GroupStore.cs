using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using OpenDownloads.Streaming.Days;

namespace OpenDownloads.Streaming.Groups;

/// <summary>
/// Listener-group state in the state table. A batch's groups are merged into their rows with one transaction per
/// table partition (up to 100 rows each, partitions in parallel): new rows are inserted, changed rows replaced on
/// the ETag they were merged with, and unchanged rows not written at all. When another instance got there first,
/// the transaction fails as a whole, the rows are read again, merged again and written again: the merge is
/// idempotent, so nothing is counted twice or lost.
/// </summary>
internal sealed class GroupStore
{
    private const int MaxActions = 100;
    private const int MaxChars = 1_000_000;
    private const int MaxAttempts = 10;
    private const int ReadParallelism = 16;

    private readonly TableClient _table;
    private readonly GroupCache _cache;
    private readonly ILogger _logger;

    public GroupStore(TableClient table, GroupCache cache, ILogger logger)
    {
        _table = table;
        _cache = cache;
        _logger = logger;
    }

    /// <summary>Merges the groups into storage; returns how many groups became downloads.</summary>
    public async Task<int> MergeAsync(
        IReadOnlyDictionary<GroupKey, GroupState> groups,
        CancellationToken cancellationToken)
    {
        var partitions = groups.GroupBy(pair => pair.Key.PartitionKey, StringComparer.Ordinal);
        var added = await Task.WhenAll(partitions.Select(async partition =>
        {
            var count = 0;
            foreach (var chunk in Chunk(partition))
            {
                count += await MergeChunkAsync(chunk, cancellationToken);
            }

            return count;
        }));
        return added.Sum();
    }

    /// <summary>Reads every group of <paramref name="day"/>.</summary>
    public async Task<IReadOnlyList<StoredGroup>> ReadAllAsync(StreamDay day, CancellationToken cancellationToken)
    {
        var parts = await Task.WhenAll(GroupKey.Partitions(day).Select(async partition =>
        {
            var groups = new List<StoredGroup>();
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition}");
            await foreach (var entity in _table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
            {
                groups.Add(GroupEntities.FromEntity(entity));
            }

            return groups;
        }));
        return [.. parts.SelectMany(part => part)];
    }

    /// <summary>Deletes every group of a closed day.</summary>
    public async Task DeleteAllAsync(StreamDay day, CancellationToken cancellationToken)
    {
        await Task.WhenAll(GroupKey.Partitions(day).Select(async partition =>
        {
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition}");
            string[] keysOnly = ["PartitionKey", "RowKey"];
            for (var attempt = 1; attempt <= MaxAttempts; attempt++)
            {
                var rows = new List<TableEntity>();
                var query = _table.QueryAsync<TableEntity>(
                    filter, select: keysOnly, cancellationToken: cancellationToken);
                await foreach (var row in query)
                {
                    rows.Add(row);
                }

                if (rows.Count == 0)
                {
                    return;
                }

                try
                {
                    foreach (var chunk in rows.Chunk(MaxActions))
                    {
                        await _table.SubmitTransactionAsync(
                            chunk.Select(row =>
                                new TableTransactionAction(TableTransactionActionType.Delete, row, ETag.All)),
                            cancellationToken);
                    }
                }
                catch (TableTransactionFailedException error) when (error.Status == 404)
                {
                    // Another closer deleted some of these rows; list what is left and go on.
                }
            }
        }));
    }

    private static IEnumerable<List<KeyValuePair<GroupKey, GroupState>>> Chunk(
        IEnumerable<KeyValuePair<GroupKey, GroupState>> groups)
    {
        var chunk = new List<KeyValuePair<GroupKey, GroupState>>();
        var chars = 0;
        foreach (var pair in groups)
        {
            var size = GroupEntities.ApproximateChars(pair.Key, pair.Value);
            if (chunk.Count == MaxActions || (chunk.Count > 0 && chars + size > MaxChars))
            {
                yield return chunk;
                chunk = [];
                chars = 0;
            }

            chunk.Add(pair);
            chars += size;
        }

        if (chunk.Count > 0)
        {
            yield return chunk;
        }
    }

    private async Task<int> MergeChunkAsync(
        List<KeyValuePair<GroupKey, GroupState>> chunk,
        CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var writes = Plan(chunk);
            if (writes.Count == 0)
            {
                return 0;
            }

            try
            {
                var response = await _table.SubmitTransactionAsync(writes.Select(w => w.Action), cancellationToken);
                for (var i = 0; i < writes.Count; i++)
                {
                    RememberWritten(writes[i], response.Value.Count > i ? response.Value[i].Headers.ETag : null);
                }

                return writes.Count(w => w.Merged.Qualifies && !w.WasQualifying);
            }
            catch (TableTransactionFailedException error)
                when ((StorageFailures.IsConflict(error) || error.Status == 404) && attempt < MaxAttempts)
            {
                StreamingLog.ConflictRetried(_logger, "merging listener groups", error.Status, attempt);
                await RefreshAsync(writes.Select(w => w.Key), cancellationToken);
            }
        }
    }

    private List<PlannedWrite> Plan(List<KeyValuePair<GroupKey, GroupState>> chunk)
    {
        var writes = new List<PlannedWrite>(chunk.Count);
        foreach (var (key, incoming) in chunk)
        {
            if (_cache.TryGet(key, out var known, out var etag))
            {
                var merged = GroupState.Merge(known, incoming);
                if (merged != known)
                {
                    var action = new TableTransactionAction(
                        TableTransactionActionType.UpdateReplace, GroupEntities.ToEntity(key, merged), etag);
                    writes.Add(new PlannedWrite(key, merged, known.Qualifies, action));
                }
            }
            else
            {
                var action = new TableTransactionAction(
                    TableTransactionActionType.Add, GroupEntities.ToEntity(key, incoming));
                writes.Add(new PlannedWrite(key, incoming, false, action));
            }
        }

        return writes;
    }

    private void RememberWritten(PlannedWrite write, ETag? etag)
    {
        if (etag is { } known)
        {
            _cache.Set(write.Key, write.Merged, known);
        }
        else
        {
            _cache.Remove(write.Key);
        }
    }

    private async Task RefreshAsync(IEnumerable<GroupKey> keys, CancellationToken cancellationToken)
    {
        var options = new ParallelOptions
        {
            MaxDegreeOfParallelism = ReadParallelism,
            CancellationToken = cancellationToken,
        };
        await Parallel.ForEachAsync(keys, options, async (key, token) =>
        {
            var found = await _table.GetEntityIfExistsAsync<TableEntity>(
                key.PartitionKey, key.RowKey, cancellationToken: token);
            if (found.HasValue)
            {
                _cache.Set(key, GroupEntities.StateOf(found.Value!), found.Value!.ETag);
            }
            else
            {
                _cache.Remove(key);
            }
        });
    }

    private sealed record PlannedWrite(
        GroupKey Key,
        GroupState Merged,
        bool WasQualifying,
        TableTransactionAction Action);
}
