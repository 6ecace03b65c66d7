using System.Globalization;

namespace OpenDownloads.Cli.Terminal;

/// <summary>
/// A progress bar on standard error for inputs that take more than a moment. It stays silent when standard error
/// is not a terminal, so logs and pipes get no control characters.
/// </summary>
internal sealed class ProgressBar
{
    private static readonly TimeSpan Delay = TimeSpan.FromSeconds(1.5);
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(200);

    private readonly TextWriter _error;
    private readonly long _totalBytes;
    private readonly bool _enabled;
    private readonly TimeProvider _clock;
    private readonly long _started;
    private TimeSpan _lastDrawn;
    private bool _drawn;

    public ProgressBar(TextWriter error, long totalBytes, bool enabled, TimeProvider clock)
    {
        _error = error;
        _totalBytes = Math.Max(1, totalBytes);
        _enabled = enabled;
        _clock = clock;
        _started = clock.GetTimestamp();
    }

    public long BytesRead { get; private set; }

    public void Advance(int bytes)
    {
        BytesRead += bytes;
        if (!_enabled)
        {
            return;
        }

        var now = _clock.GetElapsedTime(_started);
        if (now < Delay || now - _lastDrawn < Interval)
        {
            return;
        }

        _lastDrawn = now;
        _drawn = true;
        var share = Math.Min(1.0, (double)BytesRead / _totalBytes);
        var filled = (int)(share * 30);
        var megabytes = BytesRead / (1024.0 * 1024.0);
        var line = string.Create(
            CultureInfo.InvariantCulture,
            $"\r[{new string('#', filled)}{new string('.', 30 - filled)}] {share * 100,3:F0}% {megabytes:F0} MB");
        _error.Write(line);
    }

    public void Clear()
    {
        if (_drawn)
        {
            _error.Write("\r" + new string(' ', 60) + "\r");
        }
    }
}
