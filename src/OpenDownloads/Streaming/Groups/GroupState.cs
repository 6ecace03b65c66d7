using OpenDownloads.Counting;

namespace OpenDownloads.Streaming.Groups;

/// <summary>
/// All a listener group needs to become a download, as stored: whether any request qualifies under oDL's range
/// rule and its earliest request (time, then referer). Merging is idempotent, commutative and associative, so any
/// split, order or repeat of the requests gives the same state.
/// </summary>
/// <param name="Qualifies">Whether any request of the group qualifies.</param>
/// <param name="EarliestTicks">The UTC ticks of the earliest request.</param>
/// <param name="EarliestReferer">The referer of the earliest request.</param>
internal readonly record struct GroupState(bool Qualifies, long EarliestTicks, string EarliestReferer)
{
    public static GroupState Merge(GroupState kept, GroupState added)
    {
        var earliest = EarliestRequest.IsEarlier(
            added.EarliestTicks, added.EarliestReferer, kept.EarliestTicks, kept.EarliestReferer) ? added : kept;
        return earliest with { Qualifies = kept.Qualifies || added.Qualifies };
    }
}
