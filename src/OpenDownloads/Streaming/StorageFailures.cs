using Azure;

namespace OpenDownloads.Streaming;

/// <summary>Sorts storage errors: 408, 429 and 5xx are transient and worth retrying; the rest are not.</summary>
internal static class StorageFailures
{
    public static bool IsTransient(RequestFailedException error) =>
        error.Status is 408 or 429 or >= 500 or 0;

    public static bool IsConflict(RequestFailedException error) => error.Status is 409 or 412;
}
