using Microsoft.Extensions.Logging;

namespace OpenDownloads.Tests.Rotation.Support;

/// <summary>
/// Keeps every log line (all levels, with exceptions) so tests can assert what was and was not logged.
/// </summary>
internal sealed class CapturingLoggerFactory : ILoggerFactory
{
    private readonly List<CapturedLog> _entries = [];
    private readonly Lock _gate = new();

    public IReadOnlyList<CapturedLog> Entries
    {
        get
        {
            lock (_gate)
            {
                return [.. _entries];
            }
        }
    }

    /// <summary>Every message and exception, one per line, to search for text that must never be logged.</summary>
    public string AllText => string.Join(Environment.NewLine, Entries.Select(entry => $"{entry.Message} {entry.Exception}"));

    public ILogger CreateLogger(string categoryName) => new CapturingLogger(this, categoryName);

    public ILogger<T> CreateLogger<T>() => new Logger<T>(this);

    public void AddProvider(ILoggerProvider provider)
    {
    }

    public void Dispose()
    {
    }

    public int Count(int eventId) => Entries.Count(entry => entry.EventId == eventId);

    private void Add(CapturedLog entry)
    {
        lock (_gate)
        {
            _entries.Add(entry);
        }
    }

    private sealed class CapturingLogger(CapturingLoggerFactory owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(
            LogLevel logLevel,
            EventId eventId,
            TState state,
            Exception? exception,
            Func<TState, Exception?, string> formatter)
            =>
            owner.Add(new CapturedLog(logLevel, eventId.Id, category, formatter(state, exception), exception?.ToString()));
    }
}
