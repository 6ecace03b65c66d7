namespace OpenDownloads.Datacenters.Building;

/// <summary>
/// Turns ranges from providers and a base list into one clean list: sorted, non-overlapping, a range that lies
/// inside another dropped, a partial overlap between providers settled by rank, and adjacent ranges of one
/// provider merged. It never fails on an overlap, unlike ipcat, whose run aborts on one.
/// </summary>
/// <remarks>
/// The rule, in this order: (1) a range wholly inside another is dropped, whichever provider either belongs to,
/// as ipcat does (of two equal ranges, the lower rank stays); (2) where two remaining ranges partly overlap, the
/// lower rank keeps the shared addresses and the other keeps the rest; (3) touching ranges of one provider merge.
/// </remarks>
internal sealed class DatacenterListComposer
{
    private readonly List<(DatacenterRange Range, int Rank)> _ranges = [];

    /// <summary>Adds a range with its precedence rank: lower ranks win partial overlaps.</summary>
    public void Add(DatacenterRange range, int rank) => _ranges.Add((range, rank));

    public ComposedList Compose()
    {
        var order = Enumerable.Range(0, _ranges.Count)
            .OrderBy(i => _ranges[i].Range.Range.Start)
            .ThenByDescending(i => _ranges[i].Range.Range.End)
            .ThenBy(i => _ranges[i].Rank)
            .ThenBy(i => i)
            .ToList();
        var kept = new List<int>(order.Count);
        var contained = 0;
        var partialOverlaps = 0;
        foreach (var index in order)
        {
            var range = _ranges[index].Range.Range;
            var previous = kept.Count > 0 ? _ranges[kept[^1]].Range.Range : (IpRange?)null;
            if (previous is { } outer && range.End <= outer.End)
            {
                contained++;
                continue;
            }

            if (previous is { } left && range.Start <= left.End)
            {
                partialOverlaps++;
            }

            kept.Add(index);
        }

        // Without nested ranges, the sweep in the builder gives each address to the earliest-added range covering
        // it, so adding by rank makes the lower rank win every partial overlap.
        var builder = new DatacenterRangeSetBuilder();
        foreach (var index in kept.OrderBy(i => _ranges[i].Rank).ThenBy(i => i))
        {
            builder.Add(_ranges[index].Range);
        }

        return new ComposedList(builder.Build(), contained, partialOverlaps);
    }
}
