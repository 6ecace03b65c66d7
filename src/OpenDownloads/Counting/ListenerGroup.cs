namespace OpenDownloads.Counting;

/// <summary>
/// All a listener group needs to become a download: whether any request qualifies under oDL's range rule, and
/// its earliest request. Merging is idempotent and order-free, so any split or repeat of the input gives one answer.
/// </summary>
/// <param name="EarliestTicks">The UTC ticks of the earliest request.</param>
/// <param name="EarliestRefererId">The referer id of the earliest request (ties go to the smaller referer).</param>
/// <param name="Qualifies">Whether any request of the group qualifies.</param>
/// <remarks>The group table packs it with its key (<see cref="Groups.ListenerGroupEntry"/>).</remarks>
internal readonly record struct ListenerGroup(long EarliestTicks, int EarliestRefererId, bool Qualifies);
