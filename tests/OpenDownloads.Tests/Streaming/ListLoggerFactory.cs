using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace OpenDownloads.Tests.Streaming;

/// <summary>Keeps every log line written through it, with its event id, for tests to read.</summary>
internal sealed class ListLoggerFactory : ILoggerFactory, ILogger
{
    public ConcurrentQueue<(EventId Id, LogLevel Level, string Message)> Lines { get; } = new();

    public ILogger CreateLogger(string categoryName) => this;

    public void AddProvider(ILoggerProvider provider)
    {
    }

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(
        LogLevel logLevel,
        EventId eventId,
        TState state,
        Exception? exception,
        Func<TState, Exception?, string> formatter) =>
        Lines.Enqueue((eventId, logLevel, formatter(state, exception)));

    public IEnumerable<string> Messages(int eventId) => Lines.Where(l => l.Id.Id == eventId).Select(l => l.Message);

    public void Dispose()
    {
    }
}
