using Azure;

namespace OpenDownloads.Datacenters.Publishing;

/// <summary>
/// Sorts storage failures: 408, 429 and 5xx (and no answer, status 0) are transient; all else is not.
/// </summary>
internal static class StorageErrors
{
    public static bool IsTransient(RequestFailedException error) => error.Status is 0 or 408 or 429 or >= 500;

    public static bool IsConflict(RequestFailedException error) => error.Status is 409 or 412;

    public static DatacenterPublishException Wrap(string action, RequestFailedException error) =>
        new($"Blob storage failed while {action}: {error.Status} {error.ErrorCode} ({FirstLine(error.Message)}).",
            error,
            IsTransient(error));

    /// <summary>
    /// Wraps the SDK's retries-exhausted error (no answer at all) as one line naming the endpoint, never its query
    /// or credentials (no user info: a BlobEndpoint may carry a password).
    /// </summary>
    public static DatacenterPublishException Unreachable(Uri endpoint, string action, AggregateException error)
    {
        var cause = error.InnerExceptions.LastOrDefault() is { } last ? FirstLine(last.Message) : "no answer";
        return new DatacenterPublishException(
            $"Blob storage could not be reached at {endpoint.Scheme}://{endpoint.Host}:{endpoint.Port} while {action}: "
            + $"{cause}.",
            error,
            isTransient: true);
    }

    private static string FirstLine(string message) => message.Split('\n', 2)[0].Trim();
}
