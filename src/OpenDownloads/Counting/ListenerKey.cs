namespace OpenDownloads.Counting;

/// <summary>oDL's listener group: one encoded IP, user agent and episode within one 24-hour window.</summary>
/// <param name="EncodedIpId">The id of the encoded IP in the counter's string table.</param>
/// <param name="UserAgentId">The id of the user agent.</param>
/// <param name="EpisodeId">The id of the episode.</param>
/// <param name="WindowStart">The window's first second, in Unix seconds.</param>
internal readonly record struct ListenerKey(int EncodedIpId, int UserAgentId, int EpisodeId, long WindowStart);
