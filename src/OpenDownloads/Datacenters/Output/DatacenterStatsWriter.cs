using System.Globalization;
using System.Text;

namespace OpenDownloads.Datacenters.Output;

/// <summary>
/// Writes per-provider totals as ipcat's <c>datacenters-stats.csv</c> does: a header, then one <c>name,total</c>
/// row per provider, largest first and ties by lower-cased name, a name with a comma in double quotes with
/// backslash escapes. IPv4 totals count addresses; the IPv6 file counts /64 networks, the unit an IPv6 customer
/// is usually given, since address counts of 2^96 and more say little.
/// </summary>
internal static class DatacenterStatsWriter
{
    public const string IPv4Header = "Datacenter Name, Total IPs";

    public const string IPv6Header = "Datacenter Name, Total /64 Networks";

    public static byte[] WriteIPv4(IEnumerable<DatacenterRange> ranges) =>
        Write(IPv4Header, ranges.Where(range => range.Range.IsIPv4)
            .GroupBy(range => range.Name, StringComparer.Ordinal)
            .Select(group => (group.Key, CountAddresses(group))));

    private static UInt128 CountAddresses(IEnumerable<DatacenterRange> ranges) =>
        ranges.Aggregate(UInt128.Zero, (sum, range) => sum + range.Range.AddressCount);

    public static byte[] WriteIPv6(IEnumerable<DatacenterRange> ranges) =>
        Write(IPv6Header, ranges.Where(range => !range.Range.IsIPv4)
            .GroupBy(range => range.Name, StringComparer.Ordinal)
            .Select(group => (group.Key, CountNetworks64(group))));

    // Ranges come sorted and disjoint, but two ranges of one provider can share a /64; it is counted once.
    private static UInt128 CountNetworks64(IEnumerable<DatacenterRange> ranges)
    {
        var total = UInt128.Zero;
        UInt128? lastCounted = null;
        foreach (var range in ranges.OrderBy(range => range.Range.Start))
        {
            var first = range.Range.Start >> 64;
            var last = range.Range.End >> 64;
            if (lastCounted is { } counted && first <= counted)
            {
                first = counted + 1;
            }

            if (first <= last)
            {
                total += last - first + 1;
                lastCounted = last;
            }
        }

        return total;
    }

    private static byte[] Write(string header, IEnumerable<(string Name, UInt128 Total)> totals)
    {
        var text = new StringBuilder(header).Append('\n');
        var ordered = totals
            .OrderByDescending(row => row.Total)
            .ThenBy(row => row.Name.ToLowerInvariant(), StringComparer.Ordinal);
        foreach (var (name, total) in ordered)
        {
            text.Append(name.Contains(',', StringComparison.Ordinal) ? Quote(name) : name)
                .Append(',').Append(total.ToString(CultureInfo.InvariantCulture)).Append('\n');
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private static string Quote(string name) =>
        "\""
        + name.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)
        + "\"";
}
