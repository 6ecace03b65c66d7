using Microsoft.Extensions.Logging;

namespace OpenDownloads.Cli.Rotation;

/// <summary>Writes Information and above as "level: message" lines to a writer (odl's standard error).</summary>
internal sealed class TextWriterLoggerFactory(TextWriter writer) : ILoggerFactory
{
    public ILogger CreateLogger(string categoryName) => new TextWriterLogger(writer);

    public void AddProvider(ILoggerProvider provider)
    {
    }

    public void Dispose()
    {
    }

    private sealed class TextWriterLogger(TextWriter writer) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(
            LogLevel logLevel,
            EventId eventId,
            TState state,
            Exception? exception,
            Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                lock (writer)
                {
                    writer.WriteLine($"{logLevel.ToString().ToLowerInvariant()}: {formatter(state, exception)}");
                }
            }
        }
    }
}
