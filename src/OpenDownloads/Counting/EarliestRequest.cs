namespace OpenDownloads.Counting;

/// <summary>
/// The total order that picks a listener group's earliest request: time first, then the smaller referer (ordinal).
/// oDL leaves ties to Apache Beam's delivery order; a fixed order makes every split, repeat and order of the input
/// give the same download, which merging partial groups relies on.
/// </summary>
internal static class EarliestRequest
{
    /// <summary>Returns whether the first request comes before the second.</summary>
    public static bool IsEarlier(long ticks, string referer, long otherTicks, string otherReferer) =>
        ticks < otherTicks || (ticks == otherTicks && string.CompareOrdinal(referer, otherReferer) < 0);
}
