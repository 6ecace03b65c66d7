using FsCheck;
using FsCheck.Fluent;
using OpenDownloads.Streaming.Groups;

namespace OpenDownloads.Tests.Streaming.Groups;

public sealed class GroupStateTests
{
    // Few times and referers, so ties in time (broken by the referer) and exact repeats are common.
    private static readonly Gen<GroupState> States =
        Gen.Choose(0, 1).Zip(Gen.Choose(0, 3)).Zip(Gen.Elements("", "a", "b"))
            .Select(t => new GroupState(t.Item1.Item1 == 1, t.Item1.Item2 * TimeSpan.TicksPerSecond, t.Item2));

    [Fact]
    public void Merge_AnyStates_IsIdempotentCommutativeAndAssociative()
    {
        Prop.ForAll(States.Three().ToArbitrary(), states =>
        {
            var (a, b, c) = states;
            return GroupState.Merge(a, a) == a
                && GroupState.Merge(a, b) == GroupState.Merge(b, a)
                && GroupState.Merge(GroupState.Merge(a, b), c) == GroupState.Merge(a, GroupState.Merge(b, c));
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Merge_AnySplitAndRepeatOfRequests_GivesTheStateOfAllAtOnce()
    {
        var requests = States.NonEmptyListOf().SelectMany(list => Gen.Shuffle(list.ToArray()).Select(s => (list, s)));

        Prop.ForAll(requests.ToArbitrary(), pair =>
        {
            var (list, shuffled) = pair;
            var whole = list.Aggregate(GroupState.Merge);
            var half = shuffled.Take(shuffled.Length / 2).Aggregate(list[0], GroupState.Merge);
            var rest = shuffled.Concat(list).Aggregate(GroupState.Merge);
            return GroupState.Merge(half, rest) == whole;
        }).QuickCheckThrowOnFailure();
    }

    // A state written as "Q 20 x": qualifies (Q) or not (-), earliest ticks, earliest referer.
    public static TheoryData<string, string, string, string> Merges { get; } = new()
    {
        { "- 20 x", "Q 30 y", "Q 20 x", "a later qualifying request keeps the start" },
        { "Q 30 y", "- 20 x", "Q 20 x", "an earlier HEAD or probe moves the start" },
        { "- 20 b", "- 20 a", "- 20 a", "a tie in time goes to the smaller referer" },
    };

    [Theory]
    [MemberData(nameof(Merges))]
    public void Merge_TwoStates_KeepsAnyQualifyingAndTheEarliest(string kept, string added, string expected, string reason)
    {
        var sut = GroupState.Merge(State(kept), State(added));

        Assert.True(State(expected) == sut, $"{reason}: got {sut}");
    }

    private static GroupState State(string text)
    {
        var parts = text.Split(' ');
        return new GroupState(parts[0] == "Q", long.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture), parts[2]);
    }
}
