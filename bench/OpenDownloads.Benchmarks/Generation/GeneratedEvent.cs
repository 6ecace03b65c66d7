namespace OpenDownloads.Benchmarks.Generation;

/// <summary>One request of a generated log, with the fields oDL's Avro schema has.</summary>
/// <param name="Ip">The raw client address, IPv4 or IPv6.</param>
/// <param name="UserAgent">The User-Agent, an OPAWG example or a variant of one.</param>
/// <param name="Referer">The Referer; empty for most players.</param>
/// <param name="HttpMethod">GET or HEAD.</param>
/// <param name="Timestamp">The time as oDL writes it (ISO 8601 with an offset).</param>
/// <param name="EpisodeId">The enclosure URL.</param>
/// <param name="RangeStart">The first byte asked for, or null for a whole-file request.</param>
/// <param name="RangeEnd">The last byte asked for, or null for an open range or a whole file.</param>
/// <param name="IsDatacenter">Whether the address was drawn from the datacenter list.</param>
internal readonly record struct GeneratedEvent(
    string Ip,
    string UserAgent,
    string Referer,
    string HttpMethod,
    string Timestamp,
    string EpisodeId,
    int? RangeStart,
    int? RangeEnd,
    bool IsDatacenter)
{
    /// <summary>Gets whether the client address is IPv6.</summary>
    public bool IsIpv6 => Ip.Contains(':', StringComparison.Ordinal);
}
