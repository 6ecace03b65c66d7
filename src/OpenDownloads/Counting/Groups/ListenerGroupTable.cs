namespace OpenDownloads.Counting.Groups;

/// <summary>
/// The counter's listener groups, keyed by <see cref="ListenerKey"/>: one 40-byte slot per group, key and state
/// together, in 1024 sub-tables chosen by the key's hash. Each sub-table grows on its own, so a resize holds two
/// copies of one 1024th of the table, never of all of it, and the table stays between about half and four fifths
/// full.
/// </summary>
/// <remarks>
/// <para>
/// A group's position, which <see cref="Positions"/> gives and <see cref="this[int]"/> reads, is its sub-table's
/// number in the top bits and its slot in the low ones; it stays valid until the next group is added.
/// </para>
/// <para>
/// The slots are native memory (see <see cref="ListenerGroupShard"/>), freed when the table is collected: whoever
/// holds a reference to a slot keeps the table reachable until done with it.
/// </para>
/// </remarks>
internal sealed class ListenerGroupTable
{
    /// <summary>The bits of a position that hold the slot; the 10 above them hold the sub-table.</summary>
    public const int SlotBits = 21;

    private const int ShardBits = 10;
    private const int SlotMask = (1 << SlotBits) - 1;

    private readonly ListenerGroupShard[] _shards = new ListenerGroupShard[1 << ShardBits];

    public ListenerGroupTable()
    {
        for (var i = 0; i < _shards.Length; i++)
        {
            _shards[i] = new ListenerGroupShard((double)i / _shards.Length);
        }
    }

    // The counter, and through it its downloads, hold the table while they read its slots.
    ~ListenerGroupTable()
    {
        foreach (var shard in _shards)
        {
            shard?.Release();
        }
    }

    /// <summary>Gets the number of groups.</summary>
    public int Count { get; private set; }

    /// <summary>Gets the group at <paramref name="position"/>.</summary>
    public ref readonly ListenerGroupEntry this[int position] =>
        ref _shards[position >>> SlotBits][position & SlotMask];

    /// <summary>
    /// Returns the slot of the group of <paramref name="key"/>, adding the key with an empty group (which the caller
    /// then sets) when it is new. Use the reference before the next addition: a growing sub-table moves its slots.
    /// </summary>
    public ref ListenerGroupEntry GetOrAdd(in ListenerKey key, out bool exists)
    {
        var keyed = ListenerGroupEntry.Keyed(key);
        var hash = keyed.KeyHash();
        ref var entry = ref _shards[hash >> (64 - ShardBits)].GetOrAdd(keyed, (uint)hash, out exists);
        if (!exists)
        {
            Count++;
        }

        return ref entry;
    }

    /// <summary>Returns the position of every group, once each, in no particular order.</summary>
    public IEnumerable<int> Positions()
    {
        for (var shard = 0; shard < _shards.Length; shard++)
        {
            for (var slot = 0; slot < _shards[shard].Capacity; slot++)
            {
                if (!_shards[shard][slot].IsEmpty)
                {
                    yield return (shard << SlotBits) | slot;
                }
            }
        }
    }
}
