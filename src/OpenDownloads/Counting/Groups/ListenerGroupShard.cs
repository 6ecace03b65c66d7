using System.Runtime.InteropServices;

namespace OpenDownloads.Counting.Groups;

/// <summary>
/// One sub-table of a <see cref="ListenerGroupTable"/>: open addressing with linear probing, filled to at most
/// four fifths before it grows by half. Any capacity works, as a hash is mapped onto the slots by multiplying, not by
/// masking, so growing by half instead of doubling keeps the table at least about half full after each step.
/// </summary>
/// <remarks>
/// <para>
/// The slots live in native memory, freed the moment the sub-table outgrows them. As managed arrays they were
/// copied from generation to generation by the collector, and each outgrown array stayed until a full collection:
/// odl count's peak was about 7 MB higher per 335,000 groups. The table frees the last slots when it is collected.
/// </para>
/// <para>
/// The sub-tables of one table hold about as many groups each, so with one series of capacities they would all
/// grow at about the same time, leaving the table barely half full. Each sub-table's capacities are therefore
/// shifted along the series by its own fraction of a step (<paramref name="phase"/>): at any moment some grow and
/// most do not, and the table is about two thirds full on average at any size.
/// </para>
/// </remarks>
/// <param name="phase">Where in a step of growth this sub-table's capacities lie, from 0 to 1.</param>
internal sealed unsafe class ListenerGroupShard(double phase)
{
    /// <summary>The most slots a sub-table may have: a slot's number must fit the position's low bits.</summary>
    public const int MaxCapacity = 1 << ListenerGroupTable.SlotBits;

    private const int FirstCapacity = 8;
    private const double Growth = 1.5;

    private ListenerGroupEntry* _slots;
    private int _capacity;
    private int _limit;
    private int _steps;

    /// <summary>Gets the number of groups held.</summary>
    public int Count { get; private set; }

    /// <summary>Gets the number of slots.</summary>
    public int Capacity => _capacity;

    /// <summary>Gets the slot at <paramref name="slot"/>, empty or not.</summary>
    public ref ListenerGroupEntry this[int slot]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)slot, (uint)_capacity, nameof(slot));
            return ref _slots[slot];
        }
    }

    /// <summary>
    /// Returns the slot holding the key of <paramref name="keyed"/>, adding <paramref name="keyed"/> to an empty slot
    /// when there is none. The slot moves when the sub-table grows: use the reference before the next addition.
    /// </summary>
    /// <param name="keyed">An entry holding the key, as <see cref="ListenerGroupEntry.Keyed"/> makes it.</param>
    /// <param name="hash">The low 32 bits of the key's hash.</param>
    /// <param name="exists">Whether the key was held already.</param>
    public ref ListenerGroupEntry GetOrAdd(scoped in ListenerGroupEntry keyed, uint hash, out bool exists)
    {
        if (Count >= _limit)
        {
            Grow();
        }

        // Below the limit some slot is empty, so the probe ends.
        var slots = new Span<ListenerGroupEntry>(_slots, _capacity);
        var slot = SlotOf(hash, slots.Length);
        while (true)
        {
            ref var entry = ref slots[slot];
            if (entry.IsEmpty)
            {
                entry = keyed;
                Count++;
                exists = false;
                return ref entry;
            }

            if (entry.HasKeyOf(keyed))
            {
                exists = true;
                return ref entry;
            }

            slot = slot + 1 == slots.Length ? 0 : slot + 1;
        }
    }

    /// <summary>Frees the slots; only the table's finalizer calls this, when nothing can read them any more.</summary>
    public void Release()
    {
        NativeMemory.Free(_slots);
        if (_capacity > 0)
        {
            GC.RemoveMemoryPressure((long)_capacity * sizeof(ListenerGroupEntry));
        }

        _slots = null;
        _capacity = 0;
    }

    private static int SlotOf(uint hash, int capacity) => (int)(((ulong)hash * (uint)capacity) >> 32);

    private void Grow()
    {
        var capacity = (int)Math.Min(
            Math.Ceiling(FirstCapacity * Math.Pow(Growth, _steps++ + phase)),
            MaxCapacity + 1.0);
        if (capacity > MaxCapacity)
        {
            throw new InvalidOperationException(
                $"A listener group sub-table would need {capacity} slots; at most {MaxCapacity} are possible.");
        }

        var grown = (ListenerGroupEntry*)NativeMemory.AllocZeroed((nuint)capacity, (nuint)sizeof(ListenerGroupEntry));
        // The collector is told of the native memory, so a counter dropped unread is collected (and freed) in time.
        GC.AddMemoryPressure((long)capacity * sizeof(ListenerGroupEntry));
        var slots = new Span<ListenerGroupEntry>(grown, capacity);
        foreach (ref readonly var entry in new ReadOnlySpan<ListenerGroupEntry>(_slots, _capacity))
        {
            if (entry.IsEmpty)
            {
                continue;
            }

            var slot = SlotOf((uint)entry.KeyHash(), capacity);
            while (!slots[slot].IsEmpty)
            {
                slot = slot + 1 == capacity ? 0 : slot + 1;
            }

            slots[slot] = entry;
        }

        Release();
        _slots = grown;
        _capacity = capacity;
        _limit = (int)(capacity * 4L / 5);
    }
}
