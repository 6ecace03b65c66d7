namespace OpenDownloads.Counting;

/// <summary>
/// <see cref="DownloadOrder"/> on compact rows: time, then listener id (its hash compares as its hex text does),
/// then episode (by its rank among the episodes in ordinal order), then download id.
/// </summary>
internal sealed class DownloadRowOrder(Func<DownloadRow, string> downloadId) : IComparer<DownloadRow>
{
    public int Compare(DownloadRow x, DownloadRow y)
    {
        var byTime = x.EarliestTicks.CompareTo(y.EarliestTicks);
        if (byTime != 0)
        {
            return byTime;
        }

        var byListener = x.ListenerHigh != y.ListenerHigh
            ? x.ListenerHigh.CompareTo(y.ListenerHigh)
            : x.ListenerLow.CompareTo(y.ListenerLow);
        if (byListener != 0)
        {
            return byListener;
        }

        var byEpisode = x.EpisodeRank.CompareTo(y.EpisodeRank);

        // Only rows whose listener ids are the same text get here; computing their ids then costs nothing overall.
        return byEpisode != 0 ? byEpisode : string.CompareOrdinal(downloadId(x), downloadId(y));
    }
}
