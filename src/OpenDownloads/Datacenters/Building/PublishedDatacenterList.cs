using OpenDownloads.Datacenters.Output;

namespace OpenDownloads.Datacenters.Building;

/// <summary>The last published list, which a rebuild falls back on and compares against.</summary>
/// <param name="Ranges">Its IPv4 and IPv6 rows.</param>
/// <param name="Manifest">Its manifest, when it has one (a list not written by this job has none).</param>
public sealed record PublishedDatacenterList(IReadOnlyList<DatacenterRange> Ranges, DatacenterManifest? Manifest);
