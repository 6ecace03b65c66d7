using System.Diagnostics.CodeAnalysis;
using System.Net;

namespace OpenDownloads.Datacenters;

/// <summary>
/// The addresses of hosting and cloud providers, from one or more datacenter lists, for telling server traffic
/// from listeners. Lookups search a sorted array of disjoint ranges and do not allocate.
/// </summary>
/// <remarks>Instances are immutable and safe to share between threads.</remarks>
public sealed class DatacenterRangeSet
{
    private readonly DatacenterRange[] _ranges;
    private readonly UInt128[] _starts;
    private readonly UInt128[] _ends;
    private readonly RangeBuckets _ipv4;
    private readonly RangeBuckets _ipv6;

    internal DatacenterRangeSet(IReadOnlyList<DatacenterRange> sortedDisjointRanges)
    {
        _ranges = [.. sortedDisjointRanges];
        _starts = [.. _ranges.Select(range => range.Range.Start)];
        _ends = [.. _ranges.Select(range => range.Range.End)];
        _ipv4 = new RangeBuckets(_starts, bucket => IpAddressSpace.FromIPv4((uint)bucket << 16));
        _ipv6 = new RangeBuckets(_starts, bucket => (UInt128)(ulong)bucket << 112);
        Ranges = Array.AsReadOnly(_ranges);
    }

    /// <summary>Gets the number of ranges after overlaps were resolved and neighbours of one provider merged.</summary>
    public int Count => _ranges.Length;

    /// <summary>Gets the ranges, sorted by address and disjoint.</summary>
    public IReadOnlyList<DatacenterRange> Ranges { get; }

    /// <summary>
    /// Reads datacenter lists in ipcat's <c>start,end,name,url</c> CSV layout, IPv4 or IPv6. Where lists overlap,
    /// the list given first wins, and within a list the earlier row.
    /// </summary>
    /// <param name="lists">Each list's content and a name for it, such as its path, used in error messages.</param>
    /// <exception cref="FormatException">
    /// A row does not have four fields, has an address that does not parse, starts after it ends, mixes IPv4 and
    /// IPv6, or has no name. The message names the list, the line and the bad value.
    /// </exception>
    public static DatacenterRangeSet Load(IEnumerable<(Stream Csv, string SourceName)> lists)
    {
        ArgumentNullException.ThrowIfNull(lists);

        var builder = new DatacenterRangeSetBuilder();
        foreach (var (csv, sourceName) in lists)
        {
            foreach (var range in DatacenterCsvReader.Read(csv, sourceName))
            {
                builder.Add(range);
            }
        }

        return builder.Build();
    }

    /// <summary>
    /// Finds the provider range holding an address; an IPv4-mapped IPv6 address is looked up as IPv4.
    /// </summary>
    /// <param name="address">The client address.</param>
    /// <param name="range">The range holding <paramref name="address"/>, or <see langword="null"/>.</param>
    /// <returns>Whether a provider's range holds the address.</returns>
    public bool TryFind(IPAddress address, [NotNullWhen(true)] out DatacenterRange? range)
    {
        ArgumentNullException.ThrowIfNull(address);
        return TryFind(IpAddressSpace.FromIPAddress(address), out range);
    }

    /// <summary>Finds the provider range holding an address parsed by <see cref="IpAddressParser"/>.</summary>
    /// <param name="address">The client address on <see cref="IpRange"/>'s number line.</param>
    /// <param name="range">The range holding <paramref name="address"/>, or <see langword="null"/>.</param>
    /// <returns>Whether a provider's range holds the address.</returns>
    public bool TryFind(UInt128 address, [NotNullWhen(true)] out DatacenterRange? range)
    {
        var index = LastStartAtOrBefore(address);
        range = index >= 0 && address <= _ends[index] ? _ranges[index] : null;
        return range is not null;
    }

    /// <summary>Returns whether a provider's range holds an address parsed by <see cref="IpAddressParser"/>.</summary>
    public bool Contains(UInt128 address)
    {
        var index = LastStartAtOrBefore(address);
        return index >= 0 && address <= _ends[index];
    }

    // The last range starting at or before the address is the only one that can hold it, as ranges are disjoint.
    // It is searched for among the ranges starting in the address's /16 (IPv4) or top 16 bits (IPv6), a handful,
    // or it is the last range before them.
    private int LastStartAtOrBefore(UInt128 address)
    {
        var (first, end) = IpAddressSpace.IsIPv4(address)
            ? _ipv4.Slice((int)((uint)(address - IpAddressSpace.Ipv4First) >> 16))
            : _ipv6.Slice((int)(address >> 112));
        var index = _starts.AsSpan(first, end - first).BinarySearch(address);
        return first + (index >= 0 ? index : ~index - 1);
    }
}
