using OpenDownloads.Datacenters.Providers;

namespace OpenDownloads.Datacenters.Building;

/// <summary>
/// Holds the base list to the feeds' rules: a row that touches special-purpose space is skipped, and one larger
/// than <see cref="RangeSizeLimit"/> is refused, so a hand-kept typo cannot swallow the list.
/// </summary>
internal static class BaseRowScreen
{
    public static (List<DatacenterRange>? Rows, int SpecialPurpose, int TooLarge) Screen(List<DatacenterRange>? rows)
    {
        if (rows is null)
        {
            return (null, 0, 0);
        }

        var kept = new List<DatacenterRange>(rows.Count);
        var specialPurpose = 0;
        var tooLarge = 0;
        foreach (var row in rows)
        {
            if (SpecialPurposeRanges.Overlaps(row.Range))
            {
                specialPurpose++;
            }
            else if (RangeSizeLimit.IsTooLarge(row.Range))
            {
                tooLarge++;
            }
            else
            {
                kept.Add(row);
            }
        }

        return (kept.Count > 0 ? kept : null, specialPurpose, tooLarge);
    }
}
