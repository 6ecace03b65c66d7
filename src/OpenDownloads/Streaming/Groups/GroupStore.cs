using Azure;
using Azure.Data.Tables;
using OpenDownloads.Streaming.Days;

namespace OpenDownloads.Streaming.Groups;

/// <summary>
/// Listener-group state in the state table, as segment rows: each batch adds, per day, one row (more when it holds
/// more than a row may) packing the groups it changed, and never rewrites a row. A day's groups are the merge of
/// every group entry in its rows. The merge is idempotent, commutative and associative, so rows written by any
/// instances in any order, any number of times, give the state <c>odl count</c> builds from all the requests at once;
/// and since nothing is read back and changed, concurrent writers have nothing to conflict on.
/// </summary>
internal sealed class GroupStore
{
    private const int MaxActions = 100;
    private const int MaxAttempts = 10;

    private readonly TableClient _table;
    private readonly GroupCache _cache;

    public GroupStore(TableClient table, GroupCache cache)
    {
        _table = table;
        _cache = cache;
    }

    /// <summary>
    /// Stores the groups' states; returns how many became downloads as far as this instance knows (another instance
    /// may have stored the same download already: the day's files count it once).
    /// </summary>
    public async Task<int> MergeAsync(
        IReadOnlyDictionary<GroupKey, GroupState> groups,
        CancellationToken cancellationToken)
    {
        var segments = groups.GroupBy(pair => pair.Key.Day)
            .SelectMany(day => GroupSegmentWriter.Pack(day.Key, Plan(day)))
            .ToList();
        var added = await Task.WhenAll(segments.Select(segment => WriteAsync(segment, cancellationToken)));
        return added.Sum();
    }

    /// <summary>Reads every group of <paramref name="day"/>, each merged from all its entries.</summary>
    public async Task<IReadOnlyList<StoredGroup>> ReadAllAsync(StreamDay day, CancellationToken cancellationToken)
    {
        var parts = await Task.WhenAll(GroupSegmentLayout.Partitions(day).Select(async partition =>
        {
            var merged = new Dictionary<(string Ip, string Agent, string Episode), GroupState>();
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition}");
            await foreach (var entity in _table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
            {
                foreach (var entry in GroupSegmentReader.Read(entity))
                {
                    Merge(merged, entry);
                }
            }

            return merged;
        }));
        var all = parts[0];
        foreach (var part in parts.Skip(1))
        {
            foreach (var (key, state) in part)
            {
                Merge(all, new GroupEntry(key.Ip, key.Agent, key.Episode, state));
            }
        }

        return [.. all.Select(pair => new StoredGroup(pair.Key.Ip, pair.Key.Agent, pair.Key.Episode, pair.Value))];
    }

    /// <summary>Deletes every group of a closed day.</summary>
    public async Task DeleteAllAsync(StreamDay day, CancellationToken cancellationToken)
    {
        await Task.WhenAll(GroupSegmentLayout.Partitions(day).Select(async partition =>
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

    private static void Merge(
        Dictionary<(string Ip, string Agent, string Episode), GroupState> groups,
        GroupEntry entry)
    {
        var key = (entry.EncodedIp, entry.UserAgent, entry.EpisodeId);
        groups[key] = groups.TryGetValue(key, out var known) ? GroupState.Merge(known, entry.State) : entry.State;
    }

    private List<PlannedGroup> Plan(IEnumerable<KeyValuePair<GroupKey, GroupState>> groups)
    {
        var planned = new List<PlannedGroup>();
        foreach (var (key, incoming) in groups)
        {
            if (!_cache.TryGet(key, out var known))
            {
                planned.Add(new PlannedGroup(key, incoming, WasQualifying: false));
            }
            else if (GroupState.Merge(known, incoming) is var merged && merged != known)
            {
                planned.Add(new PlannedGroup(key, merged, known.Qualifies));
            }
        }

        return planned;
    }

    private async Task<int> WriteAsync(GroupSegment segment, CancellationToken cancellationToken)
    {
        try
        {
            await _table.AddEntityAsync(segment.Entity, cancellationToken);
        }
        catch (RequestFailedException error) when (error.Status == 409)
        {
            // The row is named by its content: the same row is already there, written by a redelivery or another
            // instance counting the same batch.
        }

        foreach (var group in segment.Groups)
        {
            _cache.Set(group.Key, group.State);
        }

        return segment.Groups.Count(group => group.State.Qualifies && !group.WasQualifying);
    }
}
