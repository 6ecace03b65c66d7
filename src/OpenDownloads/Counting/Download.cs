using OpenDownloads.Agents;
using OpenDownloads.Counting.Preparation;

namespace OpenDownloads.Counting;

/// <summary>One counted download, as oDL writes it.</summary>
/// <param name="Id">oDL's download id: MD5 of <c>encoded_ip^user_agent^episode</c>.</param>
/// <param name="UtcTicks">The time of the group's earliest request.</param>
/// <param name="EncodedIp">The salted hash of the listener's IP.</param>
/// <param name="UserAgent">The listener's user agent.</param>
/// <param name="Referer">The referer of the earliest request.</param>
/// <param name="ListenerId">MD5 of <c>encoded_ip^user_agent</c>.</param>
/// <param name="EpisodeId">The episode.</param>
/// <param name="App">The app: the player's app, or <c>device.os</c> when the app is unknown.</param>
/// <param name="Device">The player's device.</param>
/// <param name="Os">The player's operating system.</param>
public sealed record Download(
    string Id,
    long UtcTicks,
    string EncodedIp,
    string UserAgent,
    string Referer,
    string ListenerId,
    string EpisodeId,
    string App,
    string Device,
    string Os)
{
    /// <summary>Gets the time in whole milliseconds since the Unix epoch.</summary>
    public long UnixMilliseconds => (UtcTicks - DateTime.UnixEpoch.Ticks) / TimeSpan.TicksPerMillisecond;

    /// <summary>Gets the start of the UTC hour the download falls in.</summary>
    public DateTime Hour => new(UtcTicks - (UtcTicks % TimeSpan.TicksPerHour), DateTimeKind.Utc);

    /// <summary>Creates the download of a listener group from its key, its earliest request and its player.</summary>
    internal static Download Create(
        string encodedIp,
        string userAgent,
        string episodeId,
        long earliestTicks,
        string earliestReferer,
        PlayerInfo player)
    {
        var length = encodedIp.Length + userAgent.Length + episodeId.Length + 2;
        var buffer = length <= 1024 ? stackalloc char[length] : new char[length];

        // Both ids hash "encoded_ip^user_agent", the download id with "^episode" after it; built once, in place.
        encodedIp.CopyTo(buffer);
        buffer[encodedIp.Length] = '^';
        userAgent.CopyTo(buffer[(encodedIp.Length + 1)..]);
        var listener = buffer[..(encodedIp.Length + 1 + userAgent.Length)];
        buffer[listener.Length] = '^';
        episodeId.CopyTo(buffer[(listener.Length + 1)..]);
        return new Download(
            IpHasher.Md5Hex(buffer),
            earliestTicks,
            encodedIp,
            userAgent,
            earliestReferer,
            IpHasher.Md5Hex(listener),
            episodeId,
            player.DisplayApp,
            player.Device,
            player.Os);
    }
}
