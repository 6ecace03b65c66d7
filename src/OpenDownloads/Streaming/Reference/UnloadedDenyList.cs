using System.Net;
using OpenDownloads.Counting.Preparation;

namespace OpenDownloads.Streaming.Reference;

/// <summary>Stands in for the datacenter list in a batch with no raw IP, which never asks it anything.</summary>
internal sealed class UnloadedDenyList : IIpDenyList
{
    public static UnloadedDenyList Instance { get; } = new();

    public bool Contains(IPAddress address) => throw new InvalidOperationException(
        "The datacenter list was not loaded for this batch; expected no raw IP in it.");
}
