using Microsoft.Extensions.Time.Testing;
using OpenDownloads.Cli.Terminal;

namespace OpenDownloads.Cli.Tests.Terminal;

public sealed class ProgressBarTests : IDisposable
{
    private readonly FakeTimeProvider _clock = new();
    private readonly StringWriter _error = new();

    [Fact]
    public void Advance_FirstSecond_DrawsNothing()
    {
        var sut = new ProgressBar(_error, 1000, enabled: true, _clock);

        _clock.Advance(TimeSpan.FromSeconds(1));
        sut.Advance(500);

        Assert.Equal(string.Empty, _error.ToString());
    }

    [Fact]
    public void Advance_AfterTheDelay_DrawsShareOfBytes()
    {
        var sut = new ProgressBar(_error, 1000, enabled: true, _clock);

        _clock.Advance(TimeSpan.FromSeconds(2));
        sut.Advance(500);

        Assert.StartsWith("\r[###############...............]  50% 0 MB", _error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Advance_NotATerminal_StaysSilent()
    {
        var sut = new ProgressBar(_error, 1000, enabled: false, _clock);

        _clock.Advance(TimeSpan.FromSeconds(5));
        sut.Advance(1000);
        sut.Clear();

        Assert.Equal(string.Empty, _error.ToString());
        Assert.Equal(1000, sut.BytesRead);
    }

    public void Dispose() => _error.Dispose();
}
