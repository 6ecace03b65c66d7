using OpenDownloads.Datacenters.Output;
using OpenDownloads.Datacenters.Providers;

namespace OpenDownloads.Datacenters.Building;

/// <summary>One provider's result in a rebuild, before the list is composed.</summary>
internal sealed record ProviderOutcome
{
    public required ProviderFeed Feed { get; init; }

    public required string Status { get; init; }

    public string? Reason { get; init; }

    /// <summary>
    /// Gets where <see cref="Ranges"/> came from: <c>feed</c>, <c>previous</c>, <c>base</c> or <c>none</c>.
    /// </summary>
    public required string RangesFrom { get; init; }

    public required IReadOnlyList<DatacenterRange> Ranges { get; init; }

    public required int PrefixesIPv4 { get; init; }

    public required int PrefixesIPv6 { get; init; }

    public int PrefixesSkipped { get; init; }

    public int PrefixesTooLarge { get; init; }

    public required IReadOnlyList<ManifestSource> Sources { get; init; }

    public bool KeptPrevious => RangesFrom is "previous" or "base";
}
