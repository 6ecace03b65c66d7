namespace OpenDownloads.Datacenters.Building;

/// <summary>A composed list and what composing it had to settle.</summary>
/// <param name="Ranges">The sorted, disjoint ranges.</param>
/// <param name="ContainedDropped">Ranges dropped because another range held them whole.</param>
/// <param name="PartialOverlaps">Partial overlaps settled by rank.</param>
internal sealed record ComposedList(DatacenterRangeSet Ranges, int ContainedDropped, int PartialOverlaps);
