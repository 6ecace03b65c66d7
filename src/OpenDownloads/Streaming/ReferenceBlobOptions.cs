using OpenDownloads.ReferenceData;

namespace OpenDownloads.Streaming;

/// <summary>
/// Where the stream path reads its reference data: the datacenter list the daily rebuild publishes behind
/// <c>latest.json</c>, and the OPAWG list the daily refresh writes. Both jobs use these names.
/// </summary>
public sealed class ReferenceBlobOptions
{
    /// <summary>Gets or sets the container of the datacenter lists, the rebuild job's
    /// <c>Datacenters:Container</c>.</summary>
    public string DatacentersContainer { get; set; } = "datacenters";

    /// <summary>Gets or sets datacenter list blobs (ipcat's CSV format) published by hand, comma-separated, first
    /// list first. Empty, the default, follows the rebuild job's <c>latest.json</c> pointer instead.</summary>
    public string DatacenterBlobs { get; set; } = string.Empty;

    /// <summary>Gets or sets the container of the OPAWG user-agent list.</summary>
    public string AgentsContainer { get; set; } = "reference";

    /// <summary>Gets or sets the OPAWG v1 <c>user-agents.json</c> blob; several, comma-separated, are read as one list,
    /// the first list's entries first, as <c>odl count --agents</c> reads them.</summary>
    public string AgentsBlob { get; set; } = "opawg-user-agents.json";

    /// <summary>Gets or sets where the daily refresh downloads the OPAWG v1 list from; it writes the first
    /// <see cref="AgentsBlob"/>.</summary>
    public Uri AgentsSourceUrl { get; set; } = ReferenceFile.Agents.PublishedUrl;

    /// <summary>Gets or sets how often the blobs' ETags are checked; a changed blob is read again.</summary>
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Gets the OPAWG blob names, in order.</summary>
    public IReadOnlyList<string> AgentsBlobNames =>
        AgentsBlob.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>Gets the datacenter blob names, in order.</summary>
    public IReadOnlyList<string> DatacenterBlobNames =>
        DatacenterBlobs.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
