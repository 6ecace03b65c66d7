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
}
