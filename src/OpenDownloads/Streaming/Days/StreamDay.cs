using System.Globalization;
using OpenDownloads.Counting;

namespace OpenDownloads.Streaming.Days;

/// <summary>
/// One of oDL's 24-hour windows as the stream path keeps it: its state, its salt and its output folder.
/// </summary>
/// <param name="WindowStart">The window's first second, in Unix seconds.</param>
public readonly record struct StreamDay(long WindowStart)
{
    /// <summary>Gets the window's start.</summary>
    public DateTimeOffset Start => DateTimeOffset.FromUnixTimeSeconds(WindowStart);

    /// <summary>Gets the end of the window (exclusive).</summary>
    public DateTimeOffset End => Start.AddSeconds(DownloadWindow.Seconds);

    /// <summary>Gets the key used in table storage, such as <c>20220920T0000</c>.</summary>
    public string Key => Start.ToString("yyyyMMdd'T'HHmm", CultureInfo.InvariantCulture);

    /// <summary>Gets the blob folder of the day's files, such as <c>2022/09/20</c>.</summary>
    public string Folder => Start.ToString("yyyy'/'MM'/'dd", CultureInfo.InvariantCulture);

    /// <summary>Returns the day holding a request made at <paramref name="utcTicks"/>.</summary>
    public static StreamDay Of(long utcTicks, long offsetSeconds)
    {
        var unixSeconds = (utcTicks - DateTime.UnixEpoch.Ticks) / TimeSpan.TicksPerSecond;
        return new StreamDay(DownloadWindow.Start(unixSeconds, offsetSeconds));
    }

    /// <inheritdoc/>
    public override string ToString() => Start.ToString("yyyy-MM-dd'T'HH:mm'Z'", CultureInfo.InvariantCulture);
}
