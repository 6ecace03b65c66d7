using OpenDownloads.Datacenters.Providers;

namespace OpenDownloads.Datacenters.Fetching;

/// <summary>Where feeds are read from: their URLs over HTTP, or a folder of local copies.</summary>
internal interface IFeedSource
{
    /// <summary>Reads one feed document; never throws for a feed's failure, which the response carries.</summary>
    Task<FeedResponse> FetchAsync(FeedRequest request, CancellationToken cancellationToken);
}

/// <summary>One document to read, with what the last good read returned for a conditional request.</summary>
/// <param name="Provider">The provider's name, for logs.</param>
/// <param name="Document">The document.</param>
/// <param name="ETag">The previous ETag, sent as If-None-Match.</param>
/// <param name="LastModified">The previous Last-Modified, sent as If-Modified-Since.</param>
internal sealed record FeedRequest(
    string Provider,
    FeedDocument Document,
    string? ETag = null,
    DateTimeOffset? LastModified = null)
{
    public bool IsConditional => ETag is not null || LastModified is not null;
}
