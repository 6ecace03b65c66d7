using Microsoft.Extensions.Logging;

namespace OpenDownloads.Datacenters.Fetching;

/// <summary>Log events of feed fetching, ids 3100 to 3199. URLs are public feed addresses, never secrets.</summary>
internal static partial class FeedFetchLog
{
    [LoggerMessage(3100, LogLevel.Information,
        "{Provider} feed URL {Url} is {UrlSource}")]
    public static partial void FeedUrlChosen(ILogger logger, string provider, string url, string urlSource);

    [LoggerMessage(3101, LogLevel.Information,
        "Fetched {Url} for {Provider}: HTTP {Status}, {ByteCount} bytes in {ElapsedMs} ms")]
    public static partial void FeedFetched(
        ILogger logger, string url, string provider, int status, long byteCount, long elapsedMs);

    [LoggerMessage(3102, LogLevel.Warning,
        "Fetching {Url} for {Provider} failed on attempt {Attempt}; retrying in {DelayMs} ms: {Reason}")]
    public static partial void FeedRetrying(
        ILogger logger, string url, string provider, int attempt, long delayMs, string reason);

    [LoggerMessage(3103, LogLevel.Warning,
        "Fetching {Url} for {Provider} failed after {ElapsedMs} ms: {Reason}")]
    public static partial void FeedFailed(ILogger logger, string url, string provider, long elapsedMs, string reason);

    [LoggerMessage(3104, LogLevel.Information,
        "{Url} for {Provider} is not modified since the last good fetch")]
    public static partial void FeedNotModified(ILogger logger, string url, string provider);
}
