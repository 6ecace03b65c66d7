using System.Collections.Concurrent;
using OpenDownloads.Counting.Groups;

namespace OpenDownloads.Counting;

/// <summary>
/// Puts compact rows in <see cref="DownloadOrder"/>: time, then listener id (its hash compares as its hex text does),
/// then episode (by its rank among the episodes in ordinal order), then download id.
/// </summary>
/// <remarks>
/// The rows are sorted by time alone, then each run of rows with one time is sorted by the rest. Only tied rows need
/// a listener id's hash, so a row keeps none: a log timed to the microsecond computes almost none, and one timed to
/// the second computes them on every core when there are many.
/// </remarks>
/// <param name="tiedGroup">Returns what breaks a tie for the group at a position; called on several threads.</param>
/// <param name="downloadId">Returns the download id of the group at a position; called on several threads.</param>
internal sealed class DownloadRowOrder(Func<int, TiedGroup> tiedGroup, Func<int, string> downloadId)
    : IComparer<TiedGroup>
{
    // Below this many tied rows, starting threads costs more than it saves.
    private const int ParallelTiedRows = 4096;

    public void Sort(DownloadRow[] rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        Array.Sort(rows, static (x, y) => x.EarliestTicks.CompareTo(y.EarliestTicks));

        var (ties, tiedRows) = Ties(rows);
        if (tiedRows < ParallelTiedRows)
        {
            SortTies(rows, ties, 0, ties.Count);
        }
        else
        {
            Parallel.ForEach(
                Partitioner.Create(0, ties.Count),
                range => SortTies(rows, ties, range.Item1, range.Item2));
        }
    }

    public int Compare(TiedGroup x, TiedGroup y)
    {
        var byListener = x.ListenerHigh != y.ListenerHigh
            ? x.ListenerHigh.CompareTo(y.ListenerHigh)
            : x.ListenerLow.CompareTo(y.ListenerLow);
        if (byListener != 0)
        {
            return byListener;
        }

        var byEpisode = x.EpisodeRank.CompareTo(y.EpisodeRank);

        // Only groups whose listener ids are the same text get here; computing their ids then costs nothing overall.
        return byEpisode != 0 ? byEpisode : string.CompareOrdinal(downloadId(x.Group), downloadId(y.Group));
    }

    // The runs of two or more rows with one time, as (first row, row count), and how many rows they hold.
    private static (List<(int First, int Count)> Ties, int TiedRows) Ties(DownloadRow[] rows)
    {
        var ties = new List<(int First, int Count)>();
        var tiedRows = 0;
        for (var first = 0; first < rows.Length;)
        {
            var end = first + 1;
            while (end < rows.Length && rows[end].EarliestTicks == rows[first].EarliestTicks)
            {
                end++;
            }

            if (end - first > 1)
            {
                ties.Add((first, end - first));
                tiedRows += end - first;
            }

            first = end;
        }

        return (ties, tiedRows);
    }

    private void SortTies(DownloadRow[] rows, List<(int First, int Count)> ties, int firstTie, int endTie)
    {
        var tied = new List<TiedGroup>();
        for (var tie = firstTie; tie < endTie; tie++)
        {
            var (first, count) = ties[tie];
            tied.Clear();
            for (var i = first; i < first + count; i++)
            {
                tied.Add(tiedGroup(rows[i].Group));
            }

            tied.Sort(this);
            for (var i = 0; i < count; i++)
            {
                rows[first + i] = rows[first + i] with { Group = tied[i].Group };
            }
        }
    }
}
