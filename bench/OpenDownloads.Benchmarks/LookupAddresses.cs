using OpenDownloads.Datacenters;

namespace OpenDownloads.Benchmarks;

/// <summary>
/// Addresses to look up: half inside a datacenter range, half drawn at random, IPv4 and IPv6 apart, as numbers on
/// the range set's number line (the form the counter looks up once the address is parsed).
/// </summary>
internal static class LookupAddresses
{
    public static (UInt128[] Ipv4, UInt128[] Ipv6) Create(DatacenterRangeSet set, int count, int seed)
    {
        var random = new Random(seed);
        var v4Ranges = set.Ranges.Where(r => IpAddressSpace.IsIPv4(r.Range.Start)).ToArray();
        var v6Ranges = set.Ranges.Where(r => !IpAddressSpace.IsIPv4(r.Range.Start)).ToArray();
        var v4 = new UInt128[count];
        var v6 = new UInt128[count];
        for (var i = 0; i < count; i++)
        {
            var inside = i % 2 == 0;
            v4[i] = inside ? Inside(random, v4Ranges) : IpAddressSpace.FromIPv4((uint)random.NextInt64(1L << 32));
            v6[i] = inside ? Inside(random, v6Ranges) : ((UInt128)(0x2000UL | (ulong)random.Next(0x1000)) << 112)
                | new UInt128((ulong)random.NextInt64(), (ulong)random.NextInt64());
        }

        return (v4, v6);
    }

    private static UInt128 Inside(Random random, DatacenterRange[] ranges)
    {
        var range = ranges[random.Next(ranges.Length)].Range;
        var span = range.End - range.Start;
        return range.Start + (span > uint.MaxValue ? (uint)random.NextInt64() : (UInt128)(ulong)random.NextInt64(
            (long)(ulong)span + 1));
    }
}
