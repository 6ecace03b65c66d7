using System.Net;
using OpenDownloads.Counting.Preparation;

namespace OpenDownloads.Datacenters;

/// <summary>
/// The datacenter ranges as the counter's deny list. The ranges are loaded on the first raw IP, not before: logs
/// that carry only hashed IPs (oDL's own files, OP3's export) cannot be checked against a list, as in oDL, so they
/// never need one.
/// </summary>
public sealed class DatacenterDenyList : IIpDenyList
{
    private readonly Lazy<DatacenterRangeSet> _ranges;

    /// <summary>Initializes a deny list over ranges already loaded.</summary>
    public DatacenterDenyList(DatacenterRangeSet ranges)
    {
        ArgumentNullException.ThrowIfNull(ranges);
        _ranges = new Lazy<DatacenterRangeSet>(ranges);
    }

    /// <summary>Initializes a deny list that loads its ranges when the first address is checked.</summary>
    public DatacenterDenyList(Func<DatacenterRangeSet> load)
    {
        ArgumentNullException.ThrowIfNull(load);
        _ranges = new Lazy<DatacenterRangeSet>(load, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>Gets whether the ranges have been loaded.</summary>
    public bool IsLoaded => _ranges.IsValueCreated;

    /// <inheritdoc/>
    public bool Contains(IPAddress address) => _ranges.Value.TryFind(address, out _);

    /// <inheritdoc/>
    public bool Contains(UInt128 address) => _ranges.Value.Contains(address);
}
