using Azure;
using OpenDownloads.Datacenters.Building;

namespace OpenDownloads.Datacenters.Publishing;

/// <summary>
/// The list <c>latest</c> points at, and the pointer's ETag for moving it on only if nobody else did.
/// </summary>
/// <param name="Version">The version's folder, or <c>unreadable</c> when the pointer names none.</param>
/// <param name="List">
/// Its ranges and manifest, or <see langword="null"/> when <c>latest.json</c> or its version cannot be read: the
/// rebuild then runs as a first one, and publishing replaces the pointer under the same ETag condition.
/// </param>
/// <param name="PointerETag">The ETag of <c>latest.json</c> when it was read.</param>
public sealed record LatestDatacenterList(string Version, PublishedDatacenterList? List, ETag PointerETag);
