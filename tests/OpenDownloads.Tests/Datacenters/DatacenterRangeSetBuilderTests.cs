using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using OpenDownloads.Datacenters;

namespace OpenDownloads.Tests.Datacenters;

public sealed class DatacenterRangeSetBuilderTests
{
    [Fact]
    public void Build_LaterRangePartlyOverlapsEarlier_KeepsOnlyItsUncoveredPart()
    {
        var sut = new DatacenterRangeSetBuilder().Add(V4(10, 20, "A")).Add(V4(15, 30, "B"));

        var built = Describe(sut.Build());

        Assert.Equal(["0.0.0.10-0.0.0.20 A", "0.0.0.21-0.0.0.30 B"], built);
    }

    [Fact]
    public void Build_LaterRangeSurroundsEarlier_SplitsAroundIt()
    {
        var sut = new DatacenterRangeSetBuilder().Add(V4(10, 20, "A")).Add(V4(0, 30, "B"));

        var built = Describe(sut.Build());

        Assert.Equal(["0.0.0.0-0.0.0.9 B", "0.0.0.10-0.0.0.20 A", "0.0.0.21-0.0.0.30 B"], built);
    }

    [Fact]
    public void Build_LaterRangeInsideEarlier_DropsIt()
    {
        var sut = new DatacenterRangeSetBuilder().Add(V4(0, 30, "A")).Add(V4(10, 20, "B"));

        var built = Describe(sut.Build());

        Assert.Equal(["0.0.0.0-0.0.0.30 A"], built);
    }

    [Fact]
    public void Build_SameStartSmallerFirst_DoesNotFailLikeIpcat()
    {
        var sut = new DatacenterRangeSetBuilder().Add(V4(10, 20, "A")).Add(V4(10, 50, "B"));

        var built = Describe(sut.Build());

        Assert.Equal(["0.0.0.10-0.0.0.20 A", "0.0.0.21-0.0.0.50 B"], built);
    }

    [Fact]
    public void Build_AdjacentRangesOfOneProvider_MergesThem()
    {
        var sut = new DatacenterRangeSetBuilder().Add(V4(20, 29, "A")).Add(V4(0, 9, "A")).Add(V4(10, 19, "A"));

        var built = Describe(sut.Build());

        Assert.Equal(["0.0.0.0-0.0.0.29 A"], built);
    }

    [Fact]
    public void Build_AdjacentRangesSameNameOtherUrl_KeepsThemApart()
    {
        var sut = new DatacenterRangeSetBuilder().Add(V4(0, 9, "A")).Add(V4(10, 19, "A") with { Url = "other" });

        var built = sut.Build();

        Assert.Equal(2, built.Count);
    }

    [Fact]
    public void Build_IPv6RangeAroundIPv4Range_CutsItAtTheIPv4BlockEdges()
    {
        var ipv6 = new DatacenterRange(new IpRange(UInt128.Zero, UInt128.MaxValue), "Everything", "");
        var sut = new DatacenterRangeSetBuilder().Add(V4(10, 20, "A")).Add(ipv6);

        var built = Describe(sut.Build());

        Assert.Equal(
            [
                "::-::fffe:ffff:ffff Everything",
                "0.0.0.0-0.0.0.9 Everything",
                "0.0.0.10-0.0.0.20 A",
                "0.0.0.21-255.255.255.255 Everything",
                "::1:0:0:0-ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff Everything",
            ],
            built);
    }

    [Fact]
    public void Add_StartAfterEnd_ThrowsArgumentException()
    {
        var sut = new DatacenterRangeSetBuilder();

        Assert.Throws<ArgumentException>(() => sut.Add(V4(20, 10, "A")));
    }

    [Fact]
    public void Add_RangeFromIPv6IntoIPv4_ThrowsArgumentException()
    {
        var sut = new DatacenterRangeSetBuilder();
        var mixed = new IpRange(IpAddressSpace.Ipv4First - 1, IpAddressSpace.Ipv4First);

        Assert.Throws<ArgumentException>(() => sut.Add(new DatacenterRange(mixed, "A", "")));
    }

    [Property(MaxTest = 300)]
    public Property Build_AnyRanges_IsSortedDisjointMergedAndEarliestCoveringRangeWins() =>
        Prop.ForAll(AnySmallRanges(), specs =>
        {
            var sut = new DatacenterRangeSetBuilder();
            foreach (var spec in specs)
            {
                sut.Add(V4(spec.Start, spec.End, spec.Name));
            }

            var built = sut.Build();

            return IsSortedDisjointAndMerged(built.Ranges)
                && Enumerable.Range(0, 257).All(address => FindsEarliest(built, specs, address));
        });

    private static Arbitrary<RangeSpec[]> AnySmallRanges()
    {
        var spec =
            from a in Gen.Choose(0, 255)
            from b in Gen.Choose(0, 255)
            from provider in Gen.Choose(0, 2)
            select new RangeSpec(Math.Min(a, b), Math.Max(a, b), $"P{provider}");
        return spec.ArrayOf().ToArbitrary();
    }

    private static bool IsSortedDisjointAndMerged(IReadOnlyList<DatacenterRange> ranges) =>
        ranges.Zip(ranges.Skip(1)).All(pair =>
            pair.First.Range.End < pair.Second.Range.Start
            && (pair.First.Range.End + 1 != pair.Second.Range.Start || pair.First.Name != pair.Second.Name));

    // Address 256 (0.0.1.0) lies outside every generated range and must not be found.
    private static bool FindsEarliest(DatacenterRangeSet set, RangeSpec[] specs, int address)
    {
        var expected = specs.FirstOrDefault(spec => spec.Start <= address && address <= spec.End)?.Name;
        var found = set.TryFind(IpAddressSpace.FromIPv4((uint)address), out var range) ? range.Name : null;
        return expected == found;
    }

    private static DatacenterRange V4(int start, int end, string name) =>
        new(new IpRange(IpAddressSpace.FromIPv4((uint)start), IpAddressSpace.FromIPv4((uint)end)), name, $"url-{name}");

    private static List<string> Describe(DatacenterRangeSet set) =>
        [.. set.Ranges.Select(range => $"{range.Range} {range.Name}")];

    private sealed record RangeSpec(int Start, int End, string Name);
}
