using Azure;

namespace OpenDownloads.Rotation.Arm;

/// <summary>Which ARM failures are worth another attempt later.</summary>
internal static class ArmFailures
{
    /// <summary>408, 429 and 5xx: the pipeline retries these at once (honouring Retry-After).</summary>
    public static bool IsTransientStatus(int status) => status is 408 or 429 or >= 500;

    /// <summary>
    /// Whether a failed attempt is tried again later: the transient statuses, a network failure (status 0), and 409,
    /// which ARM answers while another operation on the same app runs, and an answer that cannot be read (an HTML
    /// page from a proxy). Anything else (400, 401, 403, 404) will not heal by waiting, so the message goes to the
    /// poison queue at once.
    /// </summary>
    public static bool IsRetryableLater(Exception error) => error switch
    {
        RequestFailedException failed => failed.Status is 0 or 409 || IsTransientStatus(failed.Status),
        HttpRequestException or TimeoutException or IOException or InvalidDataException => true,
        _ => false,
    };

    /// <summary>
    /// A one-line reason for logs, alerts and dead letters: status and ARM error code, never a body. What ARM or
    /// the network sent has its control characters escaped, so it cannot forge a log line.
    /// </summary>
    public static string Describe(Exception error) => error switch
    {
        RequestFailedException failed => $"ARM answered "
            + $"{failed.Status}{(failed.ErrorCode is { } code ? $" ({PrintableText.Of(code)})" : string.Empty)}",
        _ => $"{error.GetType().Name}: {PrintableText.Of(error.Message)}",
    };
}
