using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using OpenDownloads.Streaming.Days;

namespace OpenDownloads.Streaming.Groups;

/// <summary>oDL's listener group: encoded IP, user agent, episode, and the day it belongs to.</summary>
internal sealed record GroupKey(StreamDay Day, string EncodedIp, string UserAgent, string EpisodeId)
{
    private UInt128? _cacheId;

    /// <summary>
    /// Gets 128 bits of the SHA-256 of the day and the three strings, lengths first so no choice of strings makes two
    /// groups share it: what <see cref="GroupCache"/> remembers a group by, without keeping its strings.
    /// </summary>
    public UInt128 CacheId => _cacheId ??= Hash(Day, EncodedIp, UserAgent, EpisodeId);

    private static UInt128 Hash(StreamDay day, string ip, string agent, string episode)
    {
        var text = string.Create(CultureInfo.InvariantCulture,
            $"{day.WindowStart}|{ip.Length}:{ip}{agent.Length}:{agent}{episode.Length}:{episode}");
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(text), hash);
        return BinaryPrimitives.ReadUInt128LittleEndian(hash);
    }
}
