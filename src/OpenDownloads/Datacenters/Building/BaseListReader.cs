using System.Security.Cryptography;
using OpenDownloads.Datacenters.Fetching;
using OpenDownloads.Datacenters.Output;
using OpenDownloads.Datacenters.Providers;

namespace OpenDownloads.Datacenters.Building;

/// <summary>Reads the hand-kept base list in ipcat's format from a path or an http(s) URL.</summary>
internal sealed class BaseListReader(IFeedSource http, TimeProvider clock)
{
    public async Task<(ManifestSource Source, List<DatacenterRange>? Rows)> ReadAsync(
        string pathOrUrl,
        CancellationToken cancellationToken)
    {
        var response = await FetchAsync(pathOrUrl, cancellationToken);
        var source = new ManifestSource
        {
            FileName = Path.GetFileName(response.Location),
            Location = response.Location,
            LocationSource = response.LocationSource,
            FetchedAt = response.FetchedAt,
            HttpStatus = response.HttpStatus,
            Error = response.Error,
            ETag = response.ETag,
            LastModified = response.LastModified,
            Sha256 = response.Body is { } hashed ? Convert.ToHexStringLower(SHA256.HashData(hashed)) : null,
            Bytes = response.Body?.LongLength,
        };
        if (response.Body is not { } body)
        {
            return (source, null);
        }

        try
        {
            using var stream = new MemoryStream(body, writable: false);
            var rows = DatacenterCsvReader.Read(stream, response.Location);
            return rows.Count > 0 ? (source, rows) : (source with { Error = "the base list has no rows" }, null);
        }
        catch (FormatException error)
        {
            return (source with { Error = error.Message }, null);
        }
    }

    private async Task<FeedResponse> FetchAsync(string pathOrUrl, CancellationToken cancellationToken)
    {
        if (Uri.TryCreate(pathOrUrl, UriKind.Absolute, out var url) && url.Scheme is "http" or "https")
        {
            var document = new FeedDocument(Path.GetFileName(url.AbsolutePath), url, Mirrored: false);
            return await http.FetchAsync(new FeedRequest("base list", document), cancellationToken);
        }

        var response = new FeedResponse
        {
            Location = pathOrUrl,
            LocationSource = FeedLocationSource.Local,
            FetchedAt = clock.GetUtcNow(),
        };
        try
        {
            return response with { Body = await File.ReadAllBytesAsync(pathOrUrl, cancellationToken) };
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            return response with { Error = error.Message };
        }
    }
}
