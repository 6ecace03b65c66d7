namespace OpenDownloads.Counting;

/// <summary>
/// A download as the counter keeps it until it is written: ids into the counter's tables and the two numbers the
/// order needs, about 48 bytes instead of a <see cref="Download"/> and its strings (about 300).
/// </summary>
/// <param name="EarliestTicks">The UTC ticks of the group's earliest request.</param>
/// <param name="ListenerHash">
/// The listener id's MD5 as a big-endian number, which orders as its lower-case hex text does.
/// </param>
/// <param name="EncodedIpId">The id of the encoded IP.</param>
/// <param name="UserAgentId">The id of the user agent.</param>
/// <param name="EpisodeId">The id of the episode.</param>
/// <param name="RefererId">The id of the earliest request's referer.</param>
internal readonly record struct DownloadRow(
    long EarliestTicks,
    UInt128 ListenerHash,
    int EncodedIpId,
    int UserAgentId,
    int EpisodeId,
    int RefererId);
