namespace OpenDownloads.Counting;

/// <summary>The stable order downloads are written in: time, then listener id, then episode, then id.</summary>
internal sealed class DownloadOrder : IComparer<Download>
{
    public static DownloadOrder Instance { get; } = new();

    public int Compare(Download? x, Download? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }

        if (x is null || y is null)
        {
            return x is null ? -1 : 1;
        }

        var byTime = x.UtcTicks.CompareTo(y.UtcTicks);
        if (byTime != 0)
        {
            return byTime;
        }

        var byListener = string.CompareOrdinal(x.ListenerId, y.ListenerId);
        if (byListener != 0)
        {
            return byListener;
        }

        var byEpisode = string.CompareOrdinal(x.EpisodeId, y.EpisodeId);
        return byEpisode != 0 ? byEpisode : string.CompareOrdinal(x.Id, y.Id);
    }
}
