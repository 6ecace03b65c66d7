using Microsoft.Extensions.Logging;
using OpenDownloads.Datacenters.Building;

namespace OpenDownloads.Datacenters.Publishing;

/// <summary>
/// One scheduled run: read the published list, rebuild against it, publish the result. The timer function and
/// <c>odl datacenters rebuild --publish</c> both come down to this.
/// </summary>
public sealed class DatacenterPublishJob
{
    private readonly DatacenterListRebuilder _rebuilder;
    private readonly DatacenterListPublisher _publisher;
    private readonly TimeProvider _clock;

    /// <summary>Initializes the job from a rebuilder and a publisher.</summary>
    public DatacenterPublishJob(
        DatacenterListRebuilder rebuilder,
        DatacenterListPublisher publisher,
        TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(rebuilder);
        ArgumentNullException.ThrowIfNull(publisher);
        ArgumentNullException.ThrowIfNull(clock);
        _rebuilder = rebuilder;
        _publisher = publisher;
        _clock = clock;
    }

    /// <summary>Creates the job from options, storage, an HTTP client for the feeds, a clock and a logger.</summary>
    public static DatacenterPublishJob Create(
        DatacenterRebuildOptions options,
        Azure.Storage.Blobs.BlobServiceClient storage,
        HttpClient http,
        TimeProvider clock,
        ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(storage);
        var publisher = new DatacenterListPublisher(
            storage.GetBlobContainerClient(options.Container), options.RetainVersions, logger);
        return new DatacenterPublishJob(DatacenterListRebuilder.Create(options, http, clock, logger), publisher, clock);
    }

    /// <summary>Runs the job once.</summary>
    /// <exception cref="DatacenterRebuildException">
    /// The rebuild refused to produce a list; nothing was published.
    /// </exception>
    /// <exception cref="DatacenterPublishException">Storage failed; readers still see the previous list.</exception>
    public async Task<DatacenterPublishSummary> RunAsync(CancellationToken cancellationToken)
    {
        var started = _clock.GetTimestamp();
        var latest = await _publisher.ReadLatestAsync(cancellationToken);
        var build = await _rebuilder.RebuildAsync(latest?.List, cancellationToken);
        var outcome = await _publisher.PublishAsync(build, latest, cancellationToken);
        var providers = build.Manifest.Providers;
        return new DatacenterPublishSummary(
            outcome,
            build.Manifest.RangesIPv4,
            build.Manifest.RangesIPv6,
            [.. providers.Where(provider => !provider.KeptPrevious).Select(provider => provider.Id)],
            [.. providers.Where(provider => provider.KeptPrevious).Select(provider => provider.Id)],
            (long)_clock.GetElapsedTime(started).TotalMilliseconds);
    }
}
