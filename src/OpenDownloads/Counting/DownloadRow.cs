namespace OpenDownloads.Counting;

/// <summary>
/// A download as the counter keeps it until it is written: its listener group's encoded IP and ids, the earliest
/// request's time and referer id, and the listener id's hash that the order needs; 56 bytes instead of a
/// <see cref="Download"/> and its strings (about 300).
/// </summary>
/// <param name="EarliestTicks">The UTC ticks of the group's earliest request.</param>
/// <param name="ListenerHigh">
/// The first 8 bytes of the listener id's MD5, big-endian: with <paramref name="ListenerLow"/> it orders as the id's
/// lower-case hex text does.
/// </param>
/// <param name="ListenerLow">The last 8 bytes of the listener id's MD5.</param>
/// <param name="IpHigh">As in <see cref="ListenerKey"/>.</param>
/// <param name="IpLow">As in <see cref="ListenerKey"/>.</param>
/// <param name="OtherIpId">As in <see cref="ListenerKey"/>.</param>
/// <param name="UserAgentId">The id of the user agent.</param>
/// <param name="EpisodeId">The id of the episode.</param>
/// <param name="RefererId">The id of the earliest request's referer.</param>
internal readonly record struct DownloadRow(
    long EarliestTicks,
    ulong ListenerHigh,
    ulong ListenerLow,
    ulong IpHigh,
    ulong IpLow,
    int OtherIpId,
    int UserAgentId,
    int EpisodeId,
    int RefererId);
