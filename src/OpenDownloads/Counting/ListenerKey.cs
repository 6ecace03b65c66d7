namespace OpenDownloads.Counting;

/// <summary>oDL's listener group: one encoded IP, user agent and episode within one 24-hour window.</summary>
/// <param name="IpHigh">The first 8 bytes of the encoded IP's MD5 (big-endian), or 0 for another encoded IP.</param>
/// <param name="IpLow">The last 8 bytes of the encoded IP's MD5, or 0.</param>
/// <param name="OtherIpId">
/// <see cref="EncodedIpTable.Hashed"/> for an MD5, else the id of the encoded IP in the counter's
/// <see cref="EncodedIpTable"/>.
/// </param>
/// <param name="UserAgentId">The id of the user agent.</param>
/// <param name="EpisodeId">The id of the episode.</param>
/// <param name="Window">
/// The window's number: whole days from the offset's first window after the Unix epoch. The window's start is never
/// needed again.
/// </param>
/// <remarks>
/// The group table stores a key packed with its group (<see cref="Groups.ListenerGroupEntry"/>); this is the key as
/// the counter builds and reads it.
/// </remarks>
internal readonly record struct ListenerKey(
    ulong IpHigh,
    ulong IpLow,
    int OtherIpId,
    int UserAgentId,
    int EpisodeId,
    int Window);
