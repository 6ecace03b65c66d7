using Microsoft.Extensions.Logging.Abstractions;
using OpenDownloads.Datacenters.Publishing;
using OpenDownloads.ReferenceData;
using OpenDownloads.Streaming;
using OpenDownloads.Streaming.Replay;

namespace OpenDownloads.Cli.Streaming;

/// <summary>
/// Puts the reference files a replay needs into its storage, where the service's reference reader finds them: the
/// OPAWG list as a blob, the datacenter lists as the rebuild job publishes them.
/// </summary>
internal static class StreamReferencePublisher
{
    public static async Task PublishAsync(
        StreamStorage storage,
        StreamingOptions settings,
        StreamOptions options,
        bool needDatacenters,
        CancellationToken cancellationToken)
    {
        using var http = ReferenceDataLoader.CreateHttpClient();
        var cache = new ReferenceDataCache(http, ReferenceDataCache.DefaultDirectory());
        await PublishFilesAsync(
            storage, cache, ReferenceFile.Agents, options.Agents, settings.Reference.AgentsBlobNames, cancellationToken);
        if (needDatacenters)
        {
            await PublishDatacentersAsync(storage, settings, cache, options.Datacenters, cancellationToken);
        }
    }

    // Published as the rebuild job publishes, a version behind latest.json, so the replay reads the service's path.
    private static async Task PublishDatacentersAsync(
        StreamStorage storage,
        StreamingOptions settings,
        ReferenceDataCache cache,
        IReadOnlyList<string> sources,
        CancellationToken cancellationToken)
    {
        var ranges = await ReferenceDataLoader.LoadDatacentersAsync(cache, sources, cancellationToken);
        var source = sources.Count == 0 ? ReferenceFile.Datacenters.PublishedUrl.AbsoluteUri : string.Join(',', sources);
        var build = ReplayDatacenterList.Render(ranges, source, DateTimeOffset.UtcNow);
        var publisher = new DatacenterListPublisher(
            storage.Blobs.GetBlobContainerClient(settings.Reference.DatacentersContainer), 1, NullLogger.Instance);
        await publisher.PublishAsync(build, null, cancellationToken);
    }

    private static async Task PublishFilesAsync(
        StreamStorage storage,
        ReferenceDataCache cache,
        ReferenceFile file,
        IReadOnlyList<string> sources,
        IReadOnlyList<string> blobNames,
        CancellationToken cancellationToken)
    {
        for (var i = 0; i < blobNames.Count; i++)
        {
            var source = sources.Count == 0 ? null : sources[i];
            var path = await ReferenceDataLoader.ResolveFileAsync(cache, file, source, cancellationToken);
            await storage.Output.GetBlobClient(blobNames[i]).UploadAsync(path, overwrite: true, cancellationToken);
        }
    }
}
