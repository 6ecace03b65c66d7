using Microsoft.Extensions.Logging;

namespace OpenDownloads.Cli.Datacenters;

/// <summary>Writes the library's log lines to odl's error stream, one line each, prefixed by their level.</summary>
internal sealed class TextWriterLogger(TextWriter writer, LogLevel minimum) : ILogger
{
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= minimum;

    public void Log<TState>(
        LogLevel logLevel,
        EventId eventId,
        TState state,
        Exception? exception,
        Func<TState, Exception?, string> formatter)
    {
        if (!IsEnabled(logLevel))
        {
            return;
        }

        var level = logLevel switch
        {
            LogLevel.Warning => "warning",
            LogLevel.Error or LogLevel.Critical => "error",
            _ => "info",
        };
        lock (writer)
        {
            writer.WriteLine($"odl: {level}: {formatter(state, exception)}");
        }
    }
}
