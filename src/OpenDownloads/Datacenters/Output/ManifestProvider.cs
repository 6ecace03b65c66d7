namespace OpenDownloads.Datacenters.Output;

/// <summary>One provider's part in a rebuild.</summary>
public sealed record ManifestProvider
{
    /// <summary>Gets the provider's id, such as <c>aws</c>.</summary>
    public required string Id { get; init; }

    /// <summary>Gets the name written in the list.</summary>
    public required string Name { get; init; }

    /// <summary>Gets what happened: <c>updated</c>, <c>not-modified</c>, <c>failed</c>, <c>shrunk</c>
    /// or <c>not-selected</c>.</summary>
    public required string Status { get; init; }

    /// <summary>Gets why the feed was not used, or <see langword="null"/>.</summary>
    public string? Reason { get; init; }

    /// <summary>Gets whether the ranges written are the last good ones rather than the feed's.</summary>
    public required bool KeptPrevious { get; init; }

    /// <summary>
    /// Gets where the ranges written came from: <c>feed</c>, <c>previous</c> (the last published list),
    /// <c>base</c> (the base list's rows of this name) or <c>none</c>.
    /// </summary>
    public required string RangesFrom { get; init; }

    /// <summary>Gets the IPv4 prefixes the feed listed (repeats included), or the previous count when kept.</summary>
    public required int PrefixesIPv4 { get; init; }

    /// <summary>Gets the IPv6 prefixes the feed listed (repeats included), or the previous count when kept.</summary>
    public required int PrefixesIPv6 { get; init; }

    /// <summary>Gets the prefixes skipped because they touch special-purpose space (documentation, private).</summary>
    public int PrefixesSkipped { get; init; }

    /// <summary>Gets the prefixes refused as implausibly large: an IPv4 /8 or larger, an IPv6 /16 or larger.</summary>
    public int PrefixesTooLarge { get; init; }

    /// <summary>Gets the IPv4 rows written under the provider's name.</summary>
    public required int RangesIPv4 { get; init; }

    /// <summary>Gets the IPv6 rows written under the provider's name.</summary>
    public required int RangesIPv6 { get; init; }

    /// <summary>Gets the provider's files.</summary>
    public required IReadOnlyList<ManifestSource> Sources { get; init; }
}
