namespace OpenDownloads.Datacenters.Output;

/// <summary>One fetched file: where it came from, when, what the server said, and a hash of what was read.</summary>
public sealed record ManifestSource
{
    /// <summary>Gets the file's name among local copies, such as <c>aws-ip-ranges.json</c>.</summary>
    public required string FileName { get; init; }

    /// <summary>Gets the URL or path it was read from; empty when it could not be found.</summary>
    public required string Location { get; init; }

    /// <summary>
    /// Gets how <see cref="Location"/> was chosen: <c>official</c>, <c>configured</c>, <c>discovered</c>,
    /// <c>mirror</c> or <c>local</c>.
    /// </summary>
    public required string LocationSource { get; init; }

    /// <summary>Gets when it was read.</summary>
    public required DateTimeOffset FetchedAt { get; init; }

    /// <summary>Gets the last HTTP status, or <see langword="null"/> for a local file or no answer.</summary>
    public int? HttpStatus { get; init; }

    /// <summary>Gets why it could not be used, or <see langword="null"/>.</summary>
    public string? Error { get; init; }

    /// <summary>Gets the server's ETag, sent back next time as If-None-Match.</summary>
    public string? ETag { get; init; }

    /// <summary>Gets the server's Last-Modified, sent back next time as If-Modified-Since.</summary>
    public DateTimeOffset? LastModified { get; init; }

    /// <summary>Gets the SHA-256 of the body read, lower-case hex; the previous one when not modified.</summary>
    public string? Sha256 { get; init; }

    /// <summary>Gets the body's size in bytes.</summary>
    public long? Bytes { get; init; }
}
