using System.Collections.Concurrent;

namespace OpenDownloads.Streaming.Groups;

/// <summary>
/// The state of each group this instance has written, so a group already stored as it would be after a merge is not
/// written again. Segment rows are never changed or removed while their day takes requests, so a state remembered
/// here stays at or below what storage holds: skipping a write it covers loses nothing. When full it starts again,
/// which costs only writes of groups already stored.
/// </summary>
internal sealed class GroupCache
{
    private readonly int _capacity;
    private readonly ConcurrentDictionary<UInt128, GroupState> _entries = new();

    public GroupCache(int capacity)
    {
        _capacity = capacity;
    }

    public bool TryGet(GroupKey key, out GroupState state) => _entries.TryGetValue(key.CacheId, out state);

    public void Set(GroupKey key, GroupState state)
    {
        if (_entries.Count >= _capacity)
        {
            _entries.Clear();
        }

        _entries[key.CacheId] = state;
    }
}
