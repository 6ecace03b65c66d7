using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Logging;
using OpenDownloads.Datacenters;
using OpenDownloads.Datacenters.Publishing;
using OpenDownloads.ReferenceData;

namespace OpenDownloads.Streaming.Reference;

/// <summary>
/// Follows the rebuild job's <c>latest.json</c> pointer. An unchanged pointer costs one conditional request; a
/// moved one loads its version's IPv4 and IPv6 lists, checked against the version's manifest. A pointer or version
/// that cannot be read keeps the last good list, with a warning, and is tried again at the next refresh.
/// </summary>
internal sealed class LatestDatacenterBlobs
{
    private readonly BlobContainerClient _container;
    private readonly DatacenterListPublisher _publisher;
    private readonly ILogger _logger;

    public LatestDatacenterBlobs(BlobContainerClient container, ILogger logger)
    {
        _container = container;

        // Only read through: it deletes nothing, so the retention count does not matter.
        _publisher = new DatacenterListPublisher(container, 1, logger);
        _logger = logger;
    }

    /// <exception cref="ReferenceDataException">No list was loaded yet and none can be read.</exception>
    public async Task<LoadedReference<DatacenterDenyList>> RefreshAsync(
        LoadedReference<DatacenterDenyList>? current,
        DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        if (current is not null && await IsUnchangedAsync(current.ETags[0], cancellationToken))
        {
            return current with { CheckedAt = now };
        }

        LatestDatacenterList? latest;
        try
        {
            latest = await _publisher.ReadLatestAsync(cancellationToken);
        }
        catch (DatacenterPublishException error)
        {
            return KeepOrThrow(current, now, error.Message, error);
        }

        if (latest is null)
        {
            return KeepOrThrow(current, now, await NothingPublishedAsync(cancellationToken), null);
        }

        if (latest.List is not { } list)
        {
            // The pointer names a version that cannot be read (missing, altered); the rebuild replaces it.
            var reason = $"its {DatacenterListPublisher.LatestBlobName} names version '{latest.Version}', which cannot be read";
            return KeepOrThrow(current, now, reason, null);
        }

        var builder = new DatacenterRangeSetBuilder();
        foreach (var range in list.Ranges)
        {
            builder.Add(range);
        }

        var ranges = builder.Build();
        StreamingLog.DatacenterListLoaded(
            _logger, latest.Version, _container.Name, ranges.Count, latest.PointerETag.ToString());
        return new LoadedReference<DatacenterDenyList>(new DatacenterDenyList(ranges), [latest.PointerETag], now);
    }

    private async Task<string> NothingPublishedAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await _container.ExistsAsync(cancellationToken)
                ? $"nothing is published there yet (it has no {DatacenterListPublisher.LatestBlobName})"
                : "nothing is published there yet (the container does not exist)";
        }
        catch (RequestFailedException)
        {
            return $"nothing is published there yet (no container or no {DatacenterListPublisher.LatestBlobName})";
        }
    }

    private async Task<bool> IsUnchangedAsync(ETag? pointerETag, CancellationToken cancellationToken)
    {
        try
        {
            await _container.GetBlobClient(DatacenterListPublisher.LatestBlobName).GetPropertiesAsync(
                new BlobRequestConditions { IfNoneMatch = pointerETag }, cancellationToken);
            return false;
        }
        catch (RequestFailedException error) when (error.Status == 304)
        {
            return true;
        }
        catch (RequestFailedException error) when (error.Status != 304)
        {
            // A missing pointer or a failing storage: reading the list says which, and keeps the last good one.
            return false;
        }
    }

    private LoadedReference<DatacenterDenyList> KeepOrThrow(
        LoadedReference<DatacenterDenyList>? current,
        DateTimeOffset now,
        string reason,
        Exception? error)
    {
        if (current is null)
        {
            var message = $"No datacenter list can be read from container '{_container.Name}': {reason.TrimEnd('.')}; "
                + "expected the datacenter rebuild job to have published one, or CountDownloads:Reference:"
                + "DatacenterBlobs to name lists published by hand.";
            throw error is null ? new ReferenceDataException(message) : new ReferenceDataException(message, error);
        }

        StreamingLog.DatacenterListKept(_logger, _container.Name, reason);
        return current with { CheckedAt = now };
    }
}
