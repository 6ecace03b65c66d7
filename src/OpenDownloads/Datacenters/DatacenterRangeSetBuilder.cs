namespace OpenDownloads.Datacenters;

/// <summary>
/// Collects datacenter ranges from any number of lists and turns them into a <see cref="DatacenterRangeSet"/>:
/// sorted, disjoint, with the earliest-added range winning wherever ranges overlap, and neighbouring ranges of
/// the same provider merged.
/// </summary>
/// <remarks>
/// Earliest-added wins so that the caller decides precedence by the order it adds lists, for example a curated
/// list before a raw provider feed. A later range that overlaps earlier ones keeps only the addresses they leave
/// uncovered, possibly in several pieces; nothing is rejected for overlapping.
/// </remarks>
internal sealed class DatacenterRangeSetBuilder
{
    private readonly List<DatacenterRange> _ranges = [];

    /// <summary>Adds a range, after every range added before it.</summary>
    /// <exception cref="ArgumentException">The range starts after it ends, or mixes IPv4 and IPv6.</exception>
    public DatacenterRangeSetBuilder Add(DatacenterRange range)
    {
        ArgumentNullException.ThrowIfNull(range);

        var (start, end) = (range.Range.Start, range.Range.End);
        if (start > end)
        {
            throw new ArgumentException(
                $"The range {range.Range} of '{range.Name}' starts after it ends; expected start at or before end.",
                nameof(range));
        }

        if (IpAddressSpace.IsIPv4(start) != IpAddressSpace.IsIPv4(end))
        {
            throw new ArgumentException(
                $"The range {range.Range} of '{range.Name}' mixes IPv4 and IPv6; expected one family.", nameof(range));
        }

        _ranges.Add(range);
        return this;
    }

    public DatacenterRangeSet Build() => new(Normalize(_ranges));

    // A sweep along the number line. At each point the range that wins is the earliest-added one of those
    // covering it, which a priority queue keyed by insertion order yields; the winner can only change where a
    // range starts or where the winner ends, so each step emits one piece up to the nearer of those two points.
    // Ranges that have ended are dropped lazily, when they reach the head of the queue. Because the queue, not the
    // sort, decides precedence, ranges sharing a start need no tie-break on their ends (ipcat's spurious overlap).
    private static List<DatacenterRange> Normalize(List<DatacenterRange> ranges)
    {
        var byStart = Enumerable.Range(0, ranges.Count).OrderBy(i => ranges[i].Range.Start).ThenBy(i => i).ToArray();
        var covering = new PriorityQueue<int, int>();
        var pieces = new List<DatacenterRange>(ranges.Count);
        var next = 0;
        var position = UInt128.Zero;
        while (next < byStart.Length || covering.Count > 0)
        {
            if (covering.Count == 0)
            {
                position = ranges[byStart[next]].Range.Start;
            }

            for (; next < byStart.Length && ranges[byStart[next]].Range.Start <= position; next++)
            {
                covering.Enqueue(byStart[next], byStart[next]);
            }

            while (covering.Count > 0 && ranges[covering.Peek()].Range.End < position)
            {
                covering.Dequeue();
            }

            if (covering.Count == 0)
            {
                continue;
            }

            var winner = ranges[covering.Peek()];
            var end = winner.Range.End;
            if (next < byStart.Length && ranges[byStart[next]].Range.Start <= end)
            {
                end = ranges[byStart[next]].Range.Start - 1;
            }

            AppendByFamily(pieces, winner, new IpRange(position, end));
            if (end == UInt128.MaxValue)
            {
                break;
            }

            position = end + 1;
        }

        return pieces;
    }

    // A piece that runs into or out of the IPv4 block (possible only when an IPv6 range surrounds IPv4 ones) is cut
    // at the block's edges, so that every range in the set is wholly IPv4 or wholly IPv6 and an IPv4-only export,
    // such as ipcat's CSV, can take ranges as they are.
    private static void AppendByFamily(List<DatacenterRange> pieces, DatacenterRange winner, IpRange piece)
    {
        var (first, last) = (IpAddressSpace.Ipv4First, IpAddressSpace.Ipv4Last);
        if (piece.Start < first && piece.End >= first)
        {
            Append(pieces, winner, piece with { End = first - 1 });
            piece = piece with { Start = first };
        }

        if (piece.Start <= last && piece.End > last)
        {
            Append(pieces, winner, piece with { End = last });
            piece = piece with { Start = last + 1 };
        }

        Append(pieces, winner, piece);
    }

    private static void Append(List<DatacenterRange> pieces, DatacenterRange winner, IpRange piece)
    {
        if (pieces.Count > 0 && pieces[^1] is var last
            && last.Range.End + 1 == piece.Start
            && last.Name == winner.Name
            && last.Url == winner.Url
            && IpAddressSpace.IsIPv4(last.Range.End) == IpAddressSpace.IsIPv4(piece.Start))
        {
            pieces[^1] = last with { Range = last.Range with { End = piece.End } };
            return;
        }

        pieces.Add(piece == winner.Range ? winner : winner with { Range = piece });
    }
}
