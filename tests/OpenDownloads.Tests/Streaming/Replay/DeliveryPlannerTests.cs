using FsCheck;
using FsCheck.Fluent;
using OpenDownloads.Streaming.Replay;

namespace OpenDownloads.Tests.Streaming.Replay;

public sealed class DeliveryPlannerTests
{
    [Fact]
    public void Plan_AnyOptions_DeliversEveryBodyOnceFirstInPartitionOrderAndRedeliversExactCopies()
    {
        var plans = Gen.Choose(0, 60).Zip(Gen.Choose(1, 6)).Zip(Gen.Choose(1, 9).Zip(Gen.Choose(0, 100)))
            .Zip(Gen.Choose(0, int.MaxValue));

        Prop.ForAll(plans.ToArbitrary(), plan =>
        {
            var (((count, partitions), (batchSize, redeliver)), seed) = plan;
            var bodies = Enumerable.Range(0, count).Select(i => (ReadOnlyMemory<byte>)BitConverter.GetBytes(i)).ToList();
            var options = new DeliveryOptions
            {
                Partitions = partitions, BatchSize = batchSize, RedeliverFraction = redeliver / 100.0, Shuffle = true,
            };

            var sut = DeliveryPlanner.Plan(bodies, options, new Random(seed));

            var first = sut.Where(d => !d.IsRedelivery).ToList();
            var delivered = first.SelectMany(d => d.Events).Select(e => BitConverter.ToInt32(e.Body.Span)).Order();
            var inOrder = first.GroupBy(d => d.PartitionId).All(p =>
                p.SelectMany(d => d.Events).Select(e => e.SequenceNumber).SequenceEqual(
                    Enumerable.Range(0, p.Sum(d => d.Events.Count)).Select(i => (long)i)));
            var copies = sut.Where(d => d.IsRedelivery).All(r => first.Any(f => f.Events == r.Events));
            return delivered.SequenceEqual(Enumerable.Range(0, count)) && inOrder && copies
                && sut.All(d => d.Events.Count <= batchSize && int.Parse(d.PartitionId, System.Globalization.CultureInfo.InvariantCulture) < partitions);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Plan_BodiesInTimeOrderWithCloseTimes_NoBatchSpansACloseAndNoneComesBeforeAnEarlierOnesClose()
    {
        var start = new DateTimeOffset(2022, 9, 20, 0, 0, 0, TimeSpan.Zero);
        var bodies = Enumerable.Range(0, 200)
            .Select(i => new ReplayBody(BitConverter.GetBytes(i), null, start.AddMinutes(50 * i)))
            .ToList();
        var closes = Enumerable.Range(1, 7).Select(day => start.AddDays(day).AddHours(2)).ToList();
        var options = new DeliveryOptions { Partitions = 4, BatchSize = 30, CloseTimes = closes };

        var sut = DeliveryPlanner.Plan(bodies, options, new Random(1));

        Assert.All(sut, delivery =>
            Assert.Single(delivery.Events.Select(e => Passed(closes, e.EnqueuedTime)).Distinct()));
        var order = sut.Select(delivery => Passed(closes, delivery.Events[0].EnqueuedTime)).ToList();
        Assert.Equal(order.Order(), order);
        Assert.Equal(200, sut.Sum(delivery => delivery.Events.Count));
    }

    [Fact]
    public void Plan_BodyOfAnEarlierDayAfterAClose_ComesAfterThatCloseAndSaysSo()
    {
        var start = new DateTimeOffset(2022, 9, 20, 10, 0, 0, TimeSpan.Zero);
        var close = new DateTimeOffset(2022, 9, 21, 2, 0, 0, TimeSpan.Zero);
        ReplayBody[] bodies =
        [
            new(BitConverter.GetBytes(0), null, start),
            new(BitConverter.GetBytes(1), null, start.AddHours(17)),
            new(BitConverter.GetBytes(2), null, start.AddHours(13)),
        ];
        var options = new DeliveryOptions { Partitions = 3, BatchSize = 10, CloseTimes = [close] };

        var sut = DeliveryPlanner.Plan(bodies, options, new Random(1));

        var late = Assert.Single(sut, d => BitConverter.ToInt32(d.Events[0].Body.Span) == 2);
        Assert.Equal(close, late.NotBefore);
        Assert.Equal(0, BitConverter.ToInt32(sut[0].Events[0].Body.Span));
        Assert.Null(sut[0].NotBefore);
    }

    private static int Passed(List<DateTimeOffset> closes, DateTimeOffset time) => closes.Count(close => close <= time);
}
