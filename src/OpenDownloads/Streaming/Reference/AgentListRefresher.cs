using System.Security.Cryptography;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using Microsoft.Extensions.Logging;
using OpenDownloads.ReferenceData;

namespace OpenDownloads.Streaming.Reference;

/// <summary>
/// Copies the OPAWG v1 list from where it is published to the blob the stream path reads. The download goes
/// through <see cref="ReferenceDataCache"/>, so a body that does not read as an OPAWG list (an HTML error page, a
/// cut body) is never stored; the blob is written only when the list's SHA-256 differs from the one it was stored
/// with. A failed download keeps the blob as it is.
/// </summary>
public sealed class AgentListRefresher
{
    private const string HashMetadata = "sha256";

    private readonly HttpClient _http;
    private readonly string _cacheDirectory;
    private readonly BlobClient _blob;
    private readonly Uri _source;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    /// <summary>Initializes a refresher.</summary>
    /// <param name="http">The client for the download.</param>
    /// <param name="cacheDirectory">Where the download and its ETag are kept between runs.</param>
    /// <param name="blob">The blob the stream path reads the list from.</param>
    /// <param name="source">Where the list is published.</param>
    /// <param name="time">Measures the run.</param>
    /// <param name="logger">Gets the summary line and the warnings.</param>
    public AgentListRefresher(
        HttpClient http,
        string cacheDirectory,
        BlobClient blob,
        Uri source,
        TimeProvider time,
        ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentException.ThrowIfNullOrEmpty(cacheDirectory);
        ArgumentNullException.ThrowIfNull(blob);
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        _http = http;
        _cacheDirectory = cacheDirectory;
        _blob = blob;
        _source = source;
        _time = time;
        _logger = logger;
    }

    /// <summary>Downloads the list and writes it to the blob when it changed; logs one summary line.</summary>
    /// <exception cref="RequestFailedException">Blob storage failed.</exception>
    public async Task<AgentListRefresh> RefreshAsync(CancellationToken cancellationToken)
    {
        var started = _time.GetTimestamp();
        string? failure = null;
        var cache = new ReferenceDataCache(_http, _cacheDirectory, warning => failure = warning);
        string path;
        try
        {
            path = await ReferenceDataLoader.ResolveFileAsync(
                cache, ReferenceFile.Agents, _source.AbsoluteUri, cancellationToken);
        }
        catch (ReferenceDataException error)
        {
            failure = error.Message;
            path = string.Empty;
        }

        if (failure is not null)
        {
            // The cache may offer its last copy; the blob already has it, or a newer one, so it is left alone.
            StreamingLog.AgentListKept(_logger, _source.AbsoluteUri, _blob.BlobContainerName, _blob.Name, failure);
            return new AgentListRefresh(false, false, 0, string.Empty);
        }

        var content = await File.ReadAllBytesAsync(path, cancellationToken);
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(content));
        var updated = await WriteIfChangedAsync(content, sha256, cancellationToken);
        StreamingLog.AgentListRefreshed(_logger, _source.AbsoluteUri, _blob.BlobContainerName, _blob.Name, updated,
            content.LongLength, sha256, (long)_time.GetElapsedTime(started).TotalMilliseconds);
        return new AgentListRefresh(updated, true, content.LongLength, sha256);
    }

    private async Task<bool> WriteIfChangedAsync(byte[] content, string sha256, CancellationToken cancellationToken)
    {
        await _blob.GetParentBlobContainerClient().CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        BlobProperties? stored = null;
        try
        {
            stored = (await _blob.GetPropertiesAsync(cancellationToken: cancellationToken)).Value;
        }
        catch (RequestFailedException error) when (error.Status == 404)
        {
            // Never written: the first refresh writes it.
        }

        if (stored is not null && stored.Metadata.TryGetValue(HashMetadata, out var storedHash) && storedHash == sha256)
        {
            return false;
        }

        // Conditional on the blob read above: of two runs racing, the later one fails rather than writing blindly.
        await _blob.UploadAsync(new BinaryData(content), new BlobUploadOptions
        {
            HttpHeaders = new BlobHttpHeaders { ContentType = "application/json" },
            Metadata = new Dictionary<string, string> { [HashMetadata] = sha256 },
            Conditions = stored is null
                ? new BlobRequestConditions { IfNoneMatch = ETag.All }
                : new BlobRequestConditions { IfMatch = stored.ETag },
        }, cancellationToken);
        return true;
    }
}
