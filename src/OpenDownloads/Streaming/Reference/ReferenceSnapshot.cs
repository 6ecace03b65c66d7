using OpenDownloads.Agents;
using OpenDownloads.Counting.Preparation;

namespace OpenDownloads.Streaming.Reference;

/// <summary>The reference data one batch is counted with; it does not change under the batch.</summary>
/// <param name="Agents">The OPAWG v1 classifier.</param>
/// <param name="DenyList">The datacenter ranges, loaded once a batch has a raw IP.</param>
public sealed record ReferenceSnapshot(AgentClassifier Agents, IIpDenyList DenyList);
