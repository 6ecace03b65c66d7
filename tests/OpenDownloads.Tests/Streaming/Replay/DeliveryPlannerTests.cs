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
}
