namespace OpenDownloads.Datacenters.Fetching;

/// <summary>A feed server answered with an error status. Only 408, 429 and 5xx are worth retrying.</summary>
internal sealed class FeedHttpStatusException(int status) : Exception($"HTTP {status}")
{
    public int Status { get; } = status;

    public bool IsTransient => Status is 408 or 429 or >= 500;
}
