namespace OpenDownloads.Counting;

/// <summary>oDL's fixed 24-hour windows: each starts at 00:00 UTC plus an offset in seconds.</summary>
public static class DownloadWindow
{
    /// <summary>The length of a window in seconds.</summary>
    public const long Seconds = 86_400;

    /// <summary>Returns the first second of the window that holds <paramref name="unixSeconds"/>.</summary>
    public static long Start(long unixSeconds, long offsetSeconds)
    {
        // Beam's FixedWindows: start = t - ((t - offset) mod size), with a mathematical (never negative) modulo.
        // Each term is reduced first, so an offset near the ends of the long range cannot overflow the difference.
        var shifted = ((unixSeconds % Seconds) - (offsetSeconds % Seconds)) % Seconds;
        if (shifted < 0)
        {
            shifted += Seconds;
        }

        return unixSeconds - shifted;
    }
}
