namespace OpenDownloads.Counting.Groups;

/// <summary>
/// A qualifying listener group whose earliest request has the same time as another's: what
/// <see cref="DownloadRowOrder"/> needs to break the tie, made only for such groups.
/// </summary>
/// <param name="ListenerHigh">
/// The first 8 bytes of the listener id's MD5, big-endian: with <paramref name="ListenerLow"/> it orders as the id's
/// lower-case hex text does.
/// </param>
/// <param name="ListenerLow">The last 8 bytes of the listener id's MD5.</param>
/// <param name="EpisodeRank">The episode's place among all episodes in ordinal order.</param>
/// <param name="Group">The group's position in its <see cref="ListenerGroupTable"/>.</param>
internal readonly record struct TiedGroup(ulong ListenerHigh, ulong ListenerLow, int EpisodeRank, int Group);
