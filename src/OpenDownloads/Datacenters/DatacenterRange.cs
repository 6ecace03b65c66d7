namespace OpenDownloads.Datacenters;

/// <summary>A block of addresses that belongs to a hosting or cloud provider, as a datacenter list names it.</summary>
/// <param name="Range">The addresses.</param>
/// <param name="Name">The provider's name, such as <c>Amazon AWS</c>.</param>
/// <param name="Url">The provider's web site as the list gives it; may be empty.</param>
public sealed record DatacenterRange(IpRange Range, string Name, string Url);
