using Azure;
using OpenDownloads.Rotation.Consumers;

namespace OpenDownloads.Rotation.Arm;

/// <summary>Which ARM failures are worth another attempt later, and how each is told to a person.</summary>
internal static class ArmFailures
{
    /// <summary>408, 429 and 5xx: the pipeline retries these at once (honouring Retry-After).</summary>
    public static bool IsTransientStatus(int status) => status is 408 or 429 or >= 500;

    /// <summary>
    /// Whether a failed attempt is tried again later: the transient statuses, a network failure, and 409, which
    /// ARM answers while another operation on the same app runs, and an answer that cannot be read (an HTML page
    /// from a proxy). Anything else (400, 401, 403, 404) will not heal by waiting, so the message goes to the
    /// poison queue at once.
    /// </summary>
    public static bool IsRetryableLater(Exception error) => error switch
    {
        RequestFailedException failed => failed.Status is 0 or 409 || IsTransientStatus(failed.Status),
        HttpRequestException or TimeoutException or IOException or InvalidDataException => true,
        _ => false,
    };

    /// <summary>
    /// A one-line reason for logs, alerts and dead letters: status, ARM error code and what the status means for
    /// a consumer of <paramref name="kind"/> (the role a 403 lacks), never a body. What ARM or the network sent has
    /// its control characters escaped, so it cannot forge a log line. The tool's own messages are escaped but not
    /// cut (what they quote from outside was cut already), and carry no exception type name.
    /// </summary>
    public static string Describe(Exception error, ConsumerKind? kind = null) => error switch
    {
        RequestFailedException failed => $"ARM answered {failed.Status}"
            + $"{(failed.ErrorCode is { } code ? $" ({PrintableText.Of(code)})" : string.Empty)}"
            + Meaning(failed.Status, kind),
        _ => PrintableText.Escape(error.Message),
    };

    private static string Meaning(int status, ConsumerKind? kind) => status switch
    {
        401 => ": ARM did not accept the token; check Rotation:Arm:Credential and the identity's tenant",
        403 => ": the responder's identity lacks a role on this consumer; expected "
            + $"{RoleFor(kind)} on it (or a custom role with the same actions)",
        404 => ": the consumer's resource (or slot) was not found; check its ResourceId",
        409 => ": a conflict, another operation on the app is still running; it is not a permission problem",
        _ when IsTransientStatus(status) => " after the pipeline's retries",
        _ => string.Empty,
    };

    private static string RoleFor(ConsumerKind? kind) => kind switch
    {
        ConsumerKind.AppService => "Website Contributor",
        ConsumerKind.ContainerApp => "Container Apps Contributor",
        _ => "Website Contributor (App Service) or Container Apps Contributor (Container Apps)",
    };
}
