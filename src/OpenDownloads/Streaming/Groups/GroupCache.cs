using System.Collections.Concurrent;
using Azure;

namespace OpenDownloads.Streaming.Groups;

/// <summary>
/// What this instance last wrote or read of each group, with its ETag, so a repeated request or a redelivered batch
/// costs no storage call, and an update goes out conditional on the state it was merged with. It is only a cache:
/// a stale entry fails its ETag check and is read again. When full it starts again.
/// </summary>
internal sealed class GroupCache
{
    private readonly int _capacity;
    private readonly ConcurrentDictionary<(string Partition, string Row), (GroupState State, ETag ETag)> _entries =
        new();

    public GroupCache(int capacity)
    {
        _capacity = capacity;
    }

    public bool TryGet(GroupKey key, out GroupState state, out ETag etag)
    {
        var found = _entries.TryGetValue((key.PartitionKey, key.RowKey), out var entry);
        (state, etag) = entry;
        return found;
    }

    public void Set(GroupKey key, GroupState state, ETag etag)
    {
        if (_entries.Count >= _capacity)
        {
            _entries.Clear();
        }

        _entries[(key.PartitionKey, key.RowKey)] = (state, etag);
    }

    public void Remove(GroupKey key) => _entries.TryRemove((key.PartitionKey, key.RowKey), out _);
}
