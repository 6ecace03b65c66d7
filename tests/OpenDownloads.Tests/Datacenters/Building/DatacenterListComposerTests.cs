using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using OpenDownloads.Datacenters;
using OpenDownloads.Datacenters.Building;

namespace OpenDownloads.Tests.Datacenters.Building;

public sealed class DatacenterListComposerTests
{
    [Fact]
    public void Compose_RangeInsideAnotherOfLowerPrecedence_DropsTheInnerOne()
    {
        var sut = new DatacenterListComposer();
        sut.Add(V4(10, 20, "Provider"), rank: 0);
        sut.Add(V4(0, 100, "Hand-kept"), rank: 1);

        var composed = sut.Compose();

        Assert.Equal(["0.0.0.0-0.0.0.100 Hand-kept"], Describe(composed));
        Assert.Equal(1, composed.ContainedDropped);
    }

    [Fact]
    public void Compose_PartialOverlap_LowerRankKeepsTheSharedAddresses()
    {
        var sut = new DatacenterListComposer();
        sut.Add(V4(50, 150, "Hand-kept"), rank: 1);
        sut.Add(V4(0, 100, "Provider"), rank: 0);

        var composed = sut.Compose();

        Assert.Equal(["0.0.0.0-0.0.0.100 Provider", "0.0.0.101-0.0.0.150 Hand-kept"], Describe(composed));
        Assert.Equal(1, composed.PartialOverlaps);
    }

    [Fact]
    public void Compose_EqualRangesOfTwoProviders_KeepsTheLowerRank()
    {
        var sut = new DatacenterListComposer();
        sut.Add(V4(0, 9, "Later"), rank: 3);
        sut.Add(V4(0, 9, "Earlier"), rank: 1);

        var composed = sut.Compose();

        Assert.Equal(["0.0.0.0-0.0.0.9 Earlier"], Describe(composed));
    }

    [Fact]
    public void Compose_SubsetBehindASubsetLikeIpcatsBug_StillLeavesNoOverlap()
    {
        // ipcat compares each row with the previous one only: A=[0,100], B=[10,20] inside A, C=[50,150].
        var sut = new DatacenterListComposer();
        sut.Add(V4(0, 100, "A"), rank: 0);
        sut.Add(V4(10, 20, "B"), rank: 1);
        sut.Add(V4(50, 150, "C"), rank: 2);

        var composed = sut.Compose();

        Assert.Equal(["0.0.0.0-0.0.0.100 A", "0.0.0.101-0.0.0.150 C"], Describe(composed));
    }

    [Property(MaxTest = 300)]
    public Property Compose_AnyRanges_IsSortedDisjointAndCoversExactlyTheUnion() =>
        Prop.ForAll(AnyRanges(), specs =>
        {
            var sut = new DatacenterListComposer();
            foreach (var (start, length, rank) in specs)
            {
                sut.Add(V4(start, start + length, "P" + rank), rank);
            }

            var ranges = sut.Compose().Ranges.Ranges;
            var sortedAndDisjoint = ranges.Zip(ranges.Skip(1)).All(pair => pair.First.Range.End < pair.Second.Range.Start);
            var covered = Addresses(ranges.Select(range => range.Range));
            var expected = Addresses(specs.Select(spec => V4(spec.Start, spec.Start + spec.Length, "x").Range));
            return sortedAndDisjoint && covered.SetEquals(expected);
        });

    [Property(MaxTest = 300)]
    public Property Compose_AnyRanges_GivesEveryAddressToAProviderWhoseRangeHoldsIt() =>
        Prop.ForAll(AnyRanges(), specs =>
        {
            var sut = new DatacenterListComposer();
            foreach (var (start, length, rank) in specs)
            {
                sut.Add(V4(start, start + length, "P" + rank), rank);
            }

            return sut.Compose().Ranges.Ranges.All(range => Addresses([range.Range]).All(address => specs.Any(spec =>
                "P" + spec.Rank == range.Name && V4(spec.Start, spec.Start + spec.Length, "x").Range.Contains(address))));
        });

    internal static DatacenterRange V4(int start, int end, string name) =>
        new(new IpRange(IpAddressParser.Parse($"0.0.{start / 256}.{start % 256}"),
            IpAddressParser.Parse($"0.0.{end / 256}.{end % 256}")), name, "https://example.com/");

    private static Arbitrary<(int Start, int Length, int Rank)[]> AnyRanges()
    {
        var spec =
            from start in Gen.Choose(0, 300)
            from length in Gen.Choose(0, 60)
            from rank in Gen.Choose(0, 3)
            select (start, length, rank);
        return spec.ArrayOf().ToArbitrary();
    }

    private static HashSet<UInt128> Addresses(IEnumerable<IpRange> ranges)
    {
        var addresses = new HashSet<UInt128>();
        foreach (var range in ranges)
        {
            for (var address = range.Start; address <= range.End; address++)
            {
                addresses.Add(address);
            }
        }

        return addresses;
    }

    private static List<string> Describe(ComposedList composed) =>
        [.. composed.Ranges.Ranges.Select(range => $"{range.Range} {range.Name}")];
}
