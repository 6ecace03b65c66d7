using System.Globalization;
using OpenDownloads.Datacenters;
using OpenDownloads.Datacenters.Building;
using OpenDownloads.Datacenters.Output;

namespace OpenDownloads.Streaming.Replay;

/// <summary>
/// Turns lists a user gave into a version the rebuild job's publisher can publish, so that a replay reads its
/// datacenter list through <c>latest.json</c> exactly as the service does.
/// </summary>
internal static class ReplayDatacenterList
{
    public static DatacenterListBuild Render(DatacenterRangeSet ranges, string source, DateTimeOffset builtAt)
    {
        ArgumentNullException.ThrowIfNull(ranges);
        ArgumentException.ThrowIfNullOrEmpty(source);
        var version = string.Create(
            CultureInfo.InvariantCulture, $"{builtAt.UtcDateTime:yyyy'/'MM'/'dd'/'HHmmss}-{Guid.NewGuid():N}")[..26];
        var manifest = new DatacenterManifest
        {
            Version = version,
            BuiltAt = builtAt,
            BaseList = new ManifestSource
            {
                FileName = Path.GetFileName(source),
                Location = source,
                LocationSource = "replay",
                FetchedAt = builtAt,
            },
            Providers = [],
            ContainedRangesDropped = 0,
            PartialOverlapsResolved = 0,
            RangesIPv4 = 0,
            RangesIPv6 = 0,
            Files = [],
        };
        return DatacenterListOutput.Render(ranges, manifest);
    }
}
