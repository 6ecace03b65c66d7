namespace OpenDownloads.Datacenters.Output;

/// <summary>
/// <c>manifest.json</c>: what one rebuild read, from where and when, what each provider contributed, and the
/// files it wrote with their hashes. Readers use it to see whether a provider's ranges are fresh or kept.
/// </summary>
public sealed record DatacenterManifest
{
    /// <summary>Gets the manifest format's version.</summary>
    public int FormatVersion { get; init; } = 1;

    /// <summary>
    /// Gets the list's version, such as <c>2026/12/04/031500-1a2b3c4d</c>, also its folder when published.
    /// </summary>
    public required string Version { get; init; }

    /// <summary>Gets when the rebuild started.</summary>
    public required DateTimeOffset BuiltAt { get; init; }

    /// <summary>
    /// Gets whether the run was forced: the shrink guard was off, so providers and the base list could lose any
    /// share of their ranges.
    /// </summary>
    public bool Forced { get; init; }

    /// <summary>Gets the hand-kept base list's source and state.</summary>
    public required ManifestSource BaseList { get; init; }

    /// <summary>Gets the base list's rows skipped because they touch special-purpose space.</summary>
    public int BaseRowsSpecialPurpose { get; init; }

    /// <summary>
    /// Gets the base list's rows refused as implausibly large: an IPv4 /8 or more, an IPv6 /16 or more.
    /// </summary>
    public int BaseRowsTooLarge { get; init; }

    /// <summary>Gets each provider, in precedence order.</summary>
    public required IReadOnlyList<ManifestProvider> Providers { get; init; }

    /// <summary>Gets the ranges dropped because another range held them whole.</summary>
    public required int ContainedRangesDropped { get; init; }

    /// <summary>Gets the partial overlaps between ranges settled by precedence.</summary>
    public required int PartialOverlapsResolved { get; init; }

    /// <summary>Gets the number of IPv4 rows written.</summary>
    public required int RangesIPv4 { get; init; }

    /// <summary>Gets the number of IPv6 rows written.</summary>
    public required int RangesIPv6 { get; init; }

    /// <summary>Gets the other files of this version, with their sizes and hashes.</summary>
    public required IReadOnlyList<ManifestFile> Files { get; init; }
}
