using Microsoft.Extensions.Logging;

namespace OpenDownloads.Rotation;

/// <summary>
/// Every rotation log line, source-generated, with event ids 5001-5499 (5000s: events, 5100s: actions, 5200s:
/// ARM, 5300s: alerts, 5400s: webhook). Placeholders name values, versions and ARM paths, never secret values:
/// events carry none, and ARM bodies and tokens are never logged.
/// </summary>
internal static partial class Log
{
    [LoggerMessage(
        5001,
        LogLevel.Information,
        "Ignored event {EventId}: type '{EventType}' is not one the responder acts on")]
    public static partial void EventTypeIgnored(ILogger logger, string eventId, string eventType);

    [LoggerMessage(
        5002,
        LogLevel.Information,
        "Ignored event {EventId} ({EventType}): {Store} is not in the configuration")]
    public static partial void EventStoreIgnored(ILogger logger, string eventId, string eventType, string store);

    [LoggerMessage(5003, LogLevel.Warning, "Ignored event {EventId} ({EventType}): {Problem}")]
    public static partial void EventMalformed(ILogger logger, string eventId, string eventType, string problem);

    [LoggerMessage(
        5015,
        LogLevel.Information,
        "Ignored event {EventId}: it has no event type (eventType, or type in CloudEvents)")]
    public static partial void EventWithoutType(ILogger logger, string eventId);

    [LoggerMessage(5004, LogLevel.Warning, "{EventType} for {Change}: alerting, no restart")]
    public static partial void ExpiryWarning(ILogger logger, string eventType, string change);

    [LoggerMessage(5005, LogLevel.Information, "{Change} matches no consumer")]
    public static partial void ChangeUnmatched(ILogger logger, string change);

    [LoggerMessage(5006, LogLevel.Information, "Consumer {Consumer} depends on {Change} but is opted out; skipped")]
    public static partial void ConsumerOptedOut(ILogger logger, string consumer, string change);

    [LoggerMessage(
        5007,
        LogLevel.Information,
        "Consumer {Consumer} was already brought onto {Change}; duplicate skipped")]
    public static partial void ChangeAlreadyHandled(ILogger logger, string consumer, string change);

    [LoggerMessage(5008, LogLevel.Information, "Consumer {Consumer} queued for {Change}; action due at {DueAt:O}")]
    public static partial void ChangeQueued(ILogger logger, string consumer, string change, DateTimeOffset dueAt);

    [LoggerMessage(
        5009,
        LogLevel.Information,
        "Dry run: consumer {Consumer} would call {Method} {Path}?api-version={ApiVersion}{Query}")]
    public static partial void DryRunCall(
        ILogger logger,
        string consumer,
        string method,
        string path,
        string apiVersion,
        string query);

    [LoggerMessage(5010, LogLevel.Information, "Handling a rotation message of {EventCount} event(s)")]
    public static partial void MessageStarting(ILogger logger, int eventCount);

    [LoggerMessage(
        5011,
        LogLevel.Information,
        "Handled a rotation message of {EventCount} event(s) for {ConsumerCount} consumer(s) in {ElapsedMs:F0} ms")]
    public static partial void MessageHandled(ILogger logger, int eventCount, int consumerCount, double elapsedMs);

    [LoggerMessage(
        5012,
        LogLevel.Warning,
        "Ignored a subscription validation event outside the webhook (event {EventId})")]
    public static partial void ValidationOutsideWebhook(ILogger logger, string eventId);

    [LoggerMessage(5013, LogLevel.Error, "A rotation message could not be read: {Problem}")]
    public static partial void MessageUnreadable(ILogger logger, string problem);

    [LoggerMessage(
        5014,
        LogLevel.Warning,
        "The rotation configuration lists no consumers (Rotation:Consumers); every change will be ignored")]
    public static partial void NoConsumers(ILogger logger);

    [LoggerMessage(
        5101,
        LogLevel.Information,
        "Consumer {Consumer}: attempt {Attempt} for {ChangeCount} change(s) starting")]
    public static partial void RunStarting(ILogger logger, string consumer, int attempt, int changeCount);

    [LoggerMessage(5102, LogLevel.Information, "Consumer {Consumer}: {Reason}; trying again in {DelayMs:F0} ms")]
    public static partial void RunDeferred(ILogger logger, string consumer, string reason, double delayMs);

    [LoggerMessage(5103, LogLevel.Information, "Consumer {Consumer}: nothing left to do for generation {Generation}")]
    public static partial void RunStale(ILogger logger, string consumer, long generation);

    [LoggerMessage(5104, LogLevel.Information, "Consumer {Consumer}: {Action} on {Path}")]
    public static partial void ActionStarting(ILogger logger, string consumer, string action, string path);

    [LoggerMessage(
        5105,
        LogLevel.Information,
        "Consumer {Consumer}: after {Action} the outcome is {Freshness} ({Reason})")]
    public static partial void ActionChecked(
        ILogger logger,
        string consumer,
        string action,
        string freshness,
        string reason);

    [LoggerMessage(5106, LogLevel.Warning, "Consumer {Consumer}: still stale after {From}; escalating to {To}")]
    public static partial void ActionEscalating(ILogger logger, string consumer, string from, string to);

    [LoggerMessage(
        5107,
        LogLevel.Information,
        "Consumer {Consumer}: brought onto {ChangeCount} change(s) by {Action} in {ElapsedMs:F0} ms")]
    public static partial void RunSucceeded(
        ILogger logger,
        string consumer,
        int changeCount,
        string action,
        double elapsedMs);

    [LoggerMessage(
        5108,
        LogLevel.Warning,
        "Consumer {Consumer}: attempt {Attempt} of {MaxAttempts} failed ({Reason}); next in {DelayMs:F0} ms")]
    public static partial void RunFailedWillRetry(
        ILogger logger,
        string consumer,
        int attempt,
        int maxAttempts,
        string reason,
        double delayMs);

    [LoggerMessage(
        5109,
        LogLevel.Error,
        "Consumer {Consumer}: gave up after attempt {Attempt} ({Reason}); message sent to the poison queue")]
    public static partial void RunDeadLettered(ILogger logger, string consumer, int attempt, string reason);

    [LoggerMessage(
        5110,
        LogLevel.Warning,
        "Consumer {Consumer} is the app this responder runs in ({Path}); refused to act on it")]
    public static partial void SelfActionRefused(ILogger logger, string consumer, string path);

    [LoggerMessage(5201, LogLevel.Debug, "ARM {Method} {Path} api-version {ApiVersion} starting")]
    public static partial void ArmCallStarting(ILogger logger, string method, string path, string apiVersion);

    [LoggerMessage(5202, LogLevel.Information, "ARM {Method} {Path} answered {Status} in {ElapsedMs:F0} ms")]
    public static partial void ArmCallSucceeded(
        ILogger logger,
        string method,
        string path,
        int status,
        double elapsedMs);

    [LoggerMessage(5203, LogLevel.Warning, "ARM {Method} {Path} failed with status {Status} after {ElapsedMs:F0} ms")]
    public static partial void ArmCallFailed(
        ILogger logger,
        string method,
        string path,
        int status,
        double elapsedMs,
        Exception? error);

    [LoggerMessage(5204, LogLevel.Warning, "ARM {Method} {Path}: {Problem} (after {ElapsedMs:F0} ms)")]
    public static partial void ArmCallUnreachable(
        ILogger logger,
        string method,
        string path,
        string problem,
        double elapsedMs);

    [LoggerMessage(5301, LogLevel.Information, "Alert '{Title}' posted; the webhook answered {Status}")]
    public static partial void AlertPosted(ILogger logger, string title, int status);

    [LoggerMessage(5302, LogLevel.Warning, "Alert '{Title}' could not be posted: {Reason}")]
    public static partial void AlertFailed(ILogger logger, string title, string reason);

    [LoggerMessage(5303, LogLevel.Information, "Alert '{Title}' not posted: no Rotation:AlertWebhook is configured")]
    public static partial void AlertNotConfigured(ILogger logger, string title);

    [LoggerMessage(5401, LogLevel.Warning, "Webhook request refused: {Reason}")]
    public static partial void WebhookRefused(ILogger logger, string reason);

    [LoggerMessage(5402, LogLevel.Information, "Webhook answered the {Schema} validation handshake")]
    public static partial void WebhookValidated(ILogger logger, string schema);
}
