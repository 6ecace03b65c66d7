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
/// needed again. Thirty-two bytes in all, 8-byte aligned, keep the group table small.
/// </param>
internal readonly record struct ListenerKey(
    ulong IpHigh,
    ulong IpLow,
    int OtherIpId,
    int UserAgentId,
    int EpisodeId,
    int Window)
{
    // The IP's bytes are already an MD5, as good a hash as any; mixing in the small ids is enough.
    public override int GetHashCode() =>
        (int)IpLow ^ (int)(IpHigh >> 32) ^ (OtherIpId * -1640531535) ^ (UserAgentId * 73856093)
        ^ (EpisodeId * 19349663) ^ (Window * 83492791);
}
