using System.Security.Cryptography;
using System.Text.Json;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Logging;
using OpenDownloads.Datacenters.Building;
using OpenDownloads.Datacenters.Output;

namespace OpenDownloads.Datacenters.Publishing;

/// <summary>
/// Publishes rebuilt lists to a blob container so that a reader never sees half a list: each run writes its files
/// under a new dated version folder (<c>2026/12/04/031500-1a2b3c4d/</c>), none overwriting another, then moves the
/// <c>latest.json</c> pointer with an ETag condition on the pointer it started from. Of two runs racing, only one
/// moves it; the other's version stays unserved. Old versions beyond the retention count are deleted.
/// </summary>
public sealed class DatacenterListPublisher
{
    /// <summary>The pointer blob's name.</summary>
    public const string LatestBlobName = "latest.json";

    private readonly BlobContainerClient _container;
    private readonly int _retainVersions;
    private readonly ILogger _logger;

    /// <summary>Initializes a publisher over <paramref name="container"/>, which it creates if missing.</summary>
    public DatacenterListPublisher(BlobContainerClient container, int retainVersions, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(container);
        ArgumentOutOfRangeException.ThrowIfLessThan(retainVersions, 1);
        ArgumentNullException.ThrowIfNull(logger);
        _container = container;
        _retainVersions = retainVersions;
        _logger = logger;
    }

    /// <summary>Reads the list <c>latest.json</c> points at, checking its files against its manifest.</summary>
    /// <returns>
    /// The list; one without <see cref="LatestDatacenterList.List"/> (and a warning logged) when the pointer or its
    /// version is unreadable, incomplete or altered; or <see langword="null"/> when nothing was published yet (no
    /// pointer, or no container: reading never creates it).
    /// </returns>
    /// <exception cref="DatacenterPublishException">Storage failed.</exception>
    public async Task<LatestDatacenterList?> ReadLatestAsync(CancellationToken cancellationToken)
    {
        try
        {
            // Reading creates nothing, so a reader's role is enough; a missing container reads as nothing published.
            var pointerBlob = await DownloadIfExistsAsync(LatestBlobName, cancellationToken);
            if (pointerBlob is null)
            {
                return null;
            }

            var version = ReadPointer(pointerBlob.Content);
            if (version is null)
            {
                DatacenterPublishLog.LatestUnreadable(
                    _logger, """it is not the JSON pointer {"version": "...", "builtAt": "..."}""");
                return new LatestDatacenterList("unreadable", null, pointerBlob.Details.ETag);
            }

            try
            {
                var list = await ReadVersionAsync(version, cancellationToken);
                return new LatestDatacenterList(version, list, pointerBlob.Details.ETag);
            }
            catch (DatacenterPublishException error)
            {
                // An unreadable latest must not block every later publish: the ETag-conditional move replaces it.
                DatacenterPublishLog.LatestUnreadable(_logger, error.Message);
                return new LatestDatacenterList(version, null, pointerBlob.Details.ETag);
            }
        }
        catch (RequestFailedException error)
        {
            throw StorageErrors.Wrap("reading the latest datacenter list", error);
        }
        catch (AggregateException error)
        {
            throw StorageErrors.Unreachable(_container.Uri, "reading the latest datacenter list", error);
        }
    }

    /// <summary>
    /// Writes <paramref name="build"/> as a new version and moves <c>latest</c> to it, provided <c>latest</c> is
    /// still what <paramref name="basedOn"/> read (or still absent when it is <see langword="null"/>).
    /// </summary>
    /// <exception cref="DatacenterPublishException">Storage failed; nothing a reader sees has changed.</exception>
    public async Task<PublishOutcome> PublishAsync(
        DatacenterListBuild build,
        LatestDatacenterList? basedOn,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(build);
        var version = build.Manifest.Version;
        try
        {
            await _container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
            await WriteVersionAsync(build, cancellationToken);
            if (!await TryMoveLatestAsync(build, basedOn, cancellationToken))
            {
                var winner = await ReadPointerVersionAsync(cancellationToken);
                DatacenterPublishLog.LatestMovedByAnotherRun(_logger, winner, version);
                return new PublishOutcome(version, false, winner, basedOn?.Version, 0);
            }

            DatacenterPublishLog.LatestMoved(_logger, basedOn?.Version ?? "nothing", version);
        }
        catch (RequestFailedException error)
        {
            throw StorageErrors.Wrap($"publishing datacenter list {version}", error);
        }
        catch (AggregateException error)
        {
            throw StorageErrors.Unreachable(_container.Uri, $"publishing datacenter list {version}", error);
        }

        // Once latest has moved the publish stands: a retention failure (a key without delete rights) only
        // leaves old versions behind for a later run.
        try
        {
            var deleted = await DeleteOldVersionsAsync(version, cancellationToken);
            return new PublishOutcome(version, true, version, basedOn?.Version, deleted);
        }
        catch (Exception error) when (error is RequestFailedException or AggregateException)
        {
            var reason = error is RequestFailedException failed
                ? StorageErrors.Wrap("deleting old versions", failed).Message
                : StorageErrors.Unreachable(_container.Uri, "deleting old versions", (AggregateException)error).Message;
            DatacenterPublishLog.RetentionFailed(_logger, version, reason);
            return new PublishOutcome(version, true, version, basedOn?.Version, 0, reason);
        }
    }

    private static BlobHttpHeaders Headers(string name) => new()
    {
        ContentType = name.EndsWith(".json", StringComparison.Ordinal) ? "application/json" : "text/csv; charset=utf-8",
    };

    private async Task WriteVersionAsync(DatacenterListBuild build, CancellationToken cancellationToken)
    {
        // The manifest goes last: a version with a manifest has all its files.
        foreach (var (name, content) in build.Files)
        {
            await _container.GetBlobClient($"{build.Manifest.Version}/{name}").UploadAsync(
                new BinaryData(content),
                new BlobUploadOptions
                {
                    HttpHeaders = Headers(name),
                    Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
                },
                cancellationToken);
        }

        DatacenterPublishLog.VersionWritten(
            _logger, build.Manifest.Version, build.Files.Count, build.Files.Sum(file => file.Value.LongLength));
    }

    private async Task<bool> TryMoveLatestAsync(
        DatacenterListBuild build,
        LatestDatacenterList? basedOn,
        CancellationToken cancellationToken)
    {
        var pointer = new LatestPointer(build.Manifest.Version, build.Manifest.BuiltAt);
        var conditions = basedOn is null
            ? new BlobRequestConditions { IfNoneMatch = ETag.All }
            : new BlobRequestConditions { IfMatch = basedOn.PointerETag };
        try
        {
            await _container.GetBlobClient(LatestBlobName).UploadAsync(
                new BinaryData(
                    JsonSerializer.SerializeToUtf8Bytes(pointer, LatestPointerJsonContext.Default.LatestPointer)),
                new BlobUploadOptions { HttpHeaders = Headers(LatestBlobName), Conditions = conditions },
                cancellationToken);
            return true;
        }
        catch (RequestFailedException error) when (StorageErrors.IsConflict(error))
        {
            return false;
        }
    }

    private async Task<string> ReadPointerVersionAsync(CancellationToken cancellationToken)
    {
        var blob = await DownloadIfExistsAsync(LatestBlobName, cancellationToken);
        return blob is null ? "nothing" : ReadPointer(blob.Content) ?? "unreadable";
    }

    private static string? ReadPointer(BinaryData content)
    {
        try
        {
            var pointer = JsonSerializer.Deserialize(
                content.ToMemory().Span, LatestPointerJsonContext.Default.LatestPointer);
            return string.IsNullOrWhiteSpace(pointer?.Version) ? null : pointer.Version;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private async Task<PublishedDatacenterList> ReadVersionAsync(string version, CancellationToken cancellationToken)
    {
        var manifestBlob = await DownloadIfExistsAsync($"{version}/{DatacenterListFiles.Manifest}", cancellationToken)
            ?? throw new DatacenterPublishException($"The published version {version} has no manifest.");
        DatacenterManifest manifest;
        try
        {
            manifest = DatacenterListOutput.Deserialize(manifestBlob.Content.ToMemory().Span);
        }
        catch (JsonException error)
        {
            throw new DatacenterPublishException(
                $"The published version {version} has a manifest that is not a rebuild's manifest.", error);
        }

        var ranges = new List<DatacenterRange>();
        foreach (var name in DatacenterListFiles.RangeLists)
        {
            var blob = await DownloadIfExistsAsync($"{version}/{name}", cancellationToken)
                ?? throw new DatacenterPublishException($"The published version {version} has no {name}.");
            var content = blob.Content.ToArray();
            var expected = manifest.Files.FirstOrDefault(file => file.Name == name);
            if (expected is null || expected.Sha256 != Convert.ToHexStringLower(SHA256.HashData(content)))
            {
                throw new DatacenterPublishException(
                    $"The published {version}/{name} does not match its manifest's SHA-256; expected an unaltered "
                    + "version.");
            }

            using var stream = new MemoryStream(content, writable: false);
            try
            {
                ranges.AddRange(DatacenterCsvReader.Read(stream, $"{_container.Name}/{version}/{name}"));
            }
            catch (FormatException error)
            {
                throw new DatacenterPublishException(error.Message, error);
            }
        }

        return new PublishedDatacenterList(ranges, manifest);
    }

    private async Task<BlobDownloadResult?> DownloadIfExistsAsync(string name, CancellationToken cancellationToken)
    {
        try
        {
            return (await _container.GetBlobClient(name).DownloadContentAsync(cancellationToken)).Value;
        }
        catch (RequestFailedException error) when (error.Status == 404)
        {
            return null;
        }
    }

    private async Task<int> DeleteOldVersionsAsync(string latest, CancellationToken cancellationToken)
    {
        var blobsByVersion = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        await foreach (var blob in _container.GetBlobsAsync(cancellationToken: cancellationToken))
        {
            var slash = blob.Name.LastIndexOf('/');
            if (slash > 0)
            {
                var version = blob.Name[..slash];
                if (!blobsByVersion.TryGetValue(version, out var names))
                {
                    blobsByVersion[version] = names = [];
                }

                names.Add(blob.Name);
            }
        }

        var expired = blobsByVersion.Keys.Reverse().Skip(_retainVersions).Where(version => version != latest).ToList();
        foreach (var version in expired)
        {
            foreach (var name in blobsByVersion[version])
            {
                await _container.GetBlobClient(name).DeleteIfExistsAsync(cancellationToken: cancellationToken);
            }
        }

        if (expired.Count > 0)
        {
            DatacenterPublishLog.VersionsDeleted(_logger, expired.Count, _retainVersions);
        }

        return expired.Count;
    }
}
