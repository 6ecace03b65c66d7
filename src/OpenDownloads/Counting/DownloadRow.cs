namespace OpenDownloads.Counting;

/// <summary>
/// A download as the counter keeps it until it is written: what its order needs and the position of its listener
/// group, from which the rest is read when the download is made; 32 bytes instead of a <see cref="Download"/> and
/// its strings (about 300).
/// </summary>
/// <param name="EarliestTicks">The UTC ticks of the group's earliest request.</param>
/// <param name="ListenerHigh">
/// The first 8 bytes of the listener id's MD5, big-endian: with <paramref name="ListenerLow"/> it orders as the id's
/// lower-case hex text does.
/// </param>
/// <param name="ListenerLow">The last 8 bytes of the listener id's MD5.</param>
/// <param name="Group">The group's position in the counter's <see cref="Groups.ListenerGroupTable"/>.</param>
/// <param name="EpisodeRank">The episode's place among all episodes in ordinal order.</param>
internal readonly record struct DownloadRow(
    long EarliestTicks,
    ulong ListenerHigh,
    ulong ListenerLow,
    int Group,
    int EpisodeRank);
