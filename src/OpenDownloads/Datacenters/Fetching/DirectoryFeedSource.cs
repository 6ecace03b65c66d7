namespace OpenDownloads.Datacenters.Fetching;

/// <summary>
/// Reads feeds from a folder of local copies named as the shared copies are (<c>aws-ip-ranges.json</c>).
/// </summary>
internal sealed class DirectoryFeedSource(string directory, TimeProvider clock) : IFeedSource
{
    public async Task<FeedResponse> FetchAsync(FeedRequest request, CancellationToken cancellationToken)
    {
        var path = Path.Combine(directory, request.Document.FileName);
        var response = new FeedResponse
        {
            Location = path,
            LocationSource = FeedLocationSource.Local,
            FetchedAt = clock.GetUtcNow(),
        };
        try
        {
            return response with { Body = await File.ReadAllBytesAsync(path, cancellationToken) };
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            return response with { Error = $"no readable local copy '{path}' ({error.Message})" };
        }
    }
}
