using System.Security.Cryptography;
using OpenDownloads.Datacenters.Output;

namespace OpenDownloads.Datacenters.Fetching;

/// <summary>What reading one feed document gave: its body, "not modified", or why it failed.</summary>
internal sealed record FeedResponse
{
    public required string Location { get; init; }

    /// <summary>Gets how the location was chosen: one of <see cref="FeedLocationSource"/>'s values.</summary>
    public required string LocationSource { get; init; }

    public required DateTimeOffset FetchedAt { get; init; }

    public byte[]? Body { get; init; }

    public bool NotModified { get; init; }

    public int? HttpStatus { get; init; }

    public string? Error { get; init; }

    public string? ETag { get; init; }

    public DateTimeOffset? LastModified { get; init; }

    public bool Succeeded => Error is null;

    /// <summary>
    /// Describes this response for the manifest under <paramref name="fileName"/>. An answer without a body (not
    /// modified, or failed) keeps the hash and size of <paramref name="kept"/>, the entry of the run it came from.
    /// </summary>
    public ManifestSource ToManifestSource(string fileName, ManifestSource? kept = null) => new()
    {
        FileName = fileName,
        Location = Location,
        LocationSource = LocationSource,
        FetchedAt = FetchedAt,
        HttpStatus = HttpStatus,
        Error = Error,
        ETag = ETag,
        LastModified = LastModified,
        Sha256 = Body is { } body ? Convert.ToHexStringLower(SHA256.HashData(body)) : kept?.Sha256,
        Bytes = Body?.LongLength ?? kept?.Bytes,
    };
}
