using Azure;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Logging;
using OpenDownloads.Agents;
using OpenDownloads.Datacenters;
using OpenDownloads.ReferenceData;

namespace OpenDownloads.Streaming.Reference;

/// <summary>
/// Reads the OPAWG list and the datacenter lists from the blobs the reference jobs publish: the datacenter list
/// <c>latest.json</c> points at, or datacenter blobs named in the options. Their ETags are checked at most once per
/// refresh interval, at the start of a batch and never per event; a list is read again only when an ETag changed.
/// The datacenter lists are read only once a batch carries a raw IP.
/// </summary>
public sealed class ReferenceDataBlobs : IDisposable
{
    private readonly BlobServiceClient _blobs;
    private readonly ReferenceBlobOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _refresh = new(1, 1);
    private readonly LatestDatacenterBlobs _latest;
    private LoadedReference<AgentClassifier>? _agents;
    private LoadedReference<DatacenterDenyList>? _datacenters;

    /// <summary>Initializes the reader.</summary>
    public ReferenceDataBlobs(BlobServiceClient blobs, ReferenceBlobOptions options, TimeProvider time, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(blobs);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        _blobs = blobs;
        _options = options;
        _time = time;
        _logger = logger;
        _latest = new LatestDatacenterBlobs(blobs.GetBlobContainerClient(options.DatacentersContainer), logger);
    }

    /// <summary>Returns the reference data to count a batch with.</summary>
    /// <param name="needDatacenters">Whether the batch has a raw IP to check.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    /// <exception cref="ReferenceDataException">A list is missing or cannot be read.</exception>
    public async Task<ReferenceSnapshot> GetAsync(bool needDatacenters, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        if (IsStale(_agents, now) || (needDatacenters && IsStale(_datacenters, now)))
        {
            await _refresh.WaitAsync(cancellationToken);
            try
            {
                if (IsStale(_agents, now))
                {
                    _agents = await RefreshAsync(
                        _options.AgentsContainer, _options.AgentsBlobNames, _agents, LoadAgents, now, cancellationToken);
                }

                if (needDatacenters && IsStale(_datacenters, now))
                {
                    _datacenters = _options.DatacenterBlobNames.Count == 0
                        ? await _latest.RefreshAsync(_datacenters, now, cancellationToken)
                        : await RefreshAsync(_options.DatacentersContainer, _options.DatacenterBlobNames,
                            _datacenters, LoadDatacenters, now, cancellationToken);
                }
            }
            finally
            {
                _refresh.Release();
            }
        }

        return new ReferenceSnapshot(
            _agents!.Value, needDatacenters ? _datacenters!.Value : UnloadedDenyList.Instance);
    }

    /// <inheritdoc/>
    public void Dispose() => _refresh.Dispose();

    private static AgentClassifier LoadAgents(IReadOnlyList<(Stream Content, string Name)> lists) =>
        AgentClassifier.Load(lists.Select(list => (list.Content, list.Name)));

    private static DatacenterDenyList LoadDatacenters(IReadOnlyList<(Stream Content, string Name)> lists) =>
        new(DatacenterRangeSet.Load(lists.Select(list => (list.Content, list.Name))));

    private bool IsStale<T>(LoadedReference<T>? loaded, DateTimeOffset now) =>
        loaded is null || now - loaded.CheckedAt >= _options.RefreshInterval;

    private async Task<LoadedReference<T>> RefreshAsync<T>(
        string containerName,
        IReadOnlyList<string> blobNames,
        LoadedReference<T>? current,
        Func<IReadOnlyList<(Stream Content, string Name)>, T> load,
        DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var container = _blobs.GetBlobContainerClient(containerName);
        var etags = new List<ETag?>();
        foreach (var name in blobNames)
        {
            etags.Add(await ETagOfAsync(container.GetBlobClient(name), cancellationToken));
        }

        if (current is not null && current.ETags.SequenceEqual(etags))
        {
            return current with { CheckedAt = now };
        }

        if (etags.All(etag => etag is null))
        {
            throw new ReferenceDataException(
                $"None of the reference blobs {string.Join(", ", blobNames)} exists in container '{containerName}'; "
                + "expected the reference data job to have published them.");
        }

        var value = await DownloadAsync(container, blobNames, etags, load, cancellationToken);
        return new LoadedReference<T>(value, etags, now);
    }

    private async Task<T> DownloadAsync<T>(
        BlobContainerClient container,
        IReadOnlyList<string> blobNames,
        List<ETag?> etags,
        Func<IReadOnlyList<(Stream Content, string Name)>, T> load,
        CancellationToken cancellationToken)
    {
        var lists = new List<(Stream Content, string Name)>();
        try
        {
            for (var i = 0; i < blobNames.Count; i++)
            {
                if (etags[i] is null)
                {
                    StreamingLog.ReferenceMissing(_logger, container.Name, blobNames[i]);
                    continue;
                }

                var blob = await container.GetBlobClient(blobNames[i]).DownloadContentAsync(cancellationToken);
                lists.Add((blob.Value.Content.ToStream(), $"{container.Name}/{blobNames[i]}"));
                StreamingLog.ReferenceLoaded(
                    _logger, container.Name, blobNames[i], etags[i].ToString()!, blob.Value.Details.ContentLength);
            }

            return load(lists);
        }
        catch (FormatException error)
        {
            throw new ReferenceDataException(
                $"A reference blob in '{container.Name}' cannot be read: {error.Message}", error);
        }
        finally
        {
            foreach (var (content, _) in lists)
            {
                await content.DisposeAsync();
            }
        }
    }

    private static async Task<ETag?> ETagOfAsync(BlobClient blob, CancellationToken cancellationToken)
    {
        try
        {
            return (await blob.GetPropertiesAsync(cancellationToken: cancellationToken)).Value.ETag;
        }
        catch (RequestFailedException error) when (error.Status == 404)
        {
            return null;
        }
    }
}
