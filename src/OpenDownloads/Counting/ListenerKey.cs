namespace OpenDownloads.Counting;

/// <summary>oDL's listener group: one encoded IP, user agent and episode within one 24-hour window.</summary>
/// <param name="EncodedIpId">The id of the encoded IP in the counter's <see cref="EncodedIpTable"/>.</param>
/// <param name="UserAgentId">The id of the user agent.</param>
/// <param name="EpisodeId">The id of the episode.</param>
/// <param name="Window">
/// The window's number: whole days from the offset's first window after the Unix epoch. Sixteen bytes in all keep
/// the group table small; the window's start is never needed again.
/// </param>
internal readonly record struct ListenerKey(int EncodedIpId, int UserAgentId, int EpisodeId, int Window);
