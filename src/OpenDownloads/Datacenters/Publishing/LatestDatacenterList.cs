using Azure;
using OpenDownloads.Datacenters.Building;

namespace OpenDownloads.Datacenters.Publishing;

/// <summary>
/// The list <c>latest</c> points at, and the pointer's ETag for moving it on only if nobody else did.
/// </summary>
/// <param name="Version">The version's folder.</param>
/// <param name="List">Its ranges and manifest.</param>
/// <param name="PointerETag">The ETag of <c>latest.json</c> when it was read.</param>
public sealed record LatestDatacenterList(string Version, PublishedDatacenterList List, ETag PointerETag);
