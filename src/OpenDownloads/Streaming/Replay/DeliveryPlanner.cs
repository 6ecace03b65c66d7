using OpenDownloads.Streaming.Input;

namespace OpenDownloads.Streaming.Replay;

/// <summary>
/// Splits event bodies into Event Hubs-like deliveries for replaying a log through the stream path: bodies are
/// spread over partitions (in a random order when shuffled), numbered in each partition, cut into batches, and the
/// partitions' batches interleaved. A fraction of the batches is delivered once more, at a random later point, as
/// a consumer that failed before its checkpoint would see them again.
/// </summary>
public static class DeliveryPlanner
{
    /// <summary>Returns the deliveries, in the order to make them.</summary>
    public static IReadOnlyList<Delivery> Plan(
        IReadOnlyList<ReadOnlyMemory<byte>> bodies,
        DeliveryOptions options,
        Random random)
    {
        ArgumentNullException.ThrowIfNull(bodies);
        return Plan([.. bodies.Select(body => new ReplayBody(body, null, null))], options, random);
    }

    /// <summary>
    /// Returns the deliveries, in the order to make them; each event keeps its body's origin and is enqueued at its
    /// body's time, or at <see cref="DeliveryOptions.EnqueuedTime"/> when the body has none.
    /// </summary>
    public static IReadOnlyList<Delivery> Plan(
        IReadOnlyList<ReplayBody> bodies,
        DeliveryOptions options,
        Random random)
    {
        ArgumentNullException.ThrowIfNull(bodies);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(random);
        var order = Enumerable.Range(0, bodies.Count).ToArray();
        if (options.Shuffle)
        {
            random.Shuffle(order);
        }

        var arrivals = ArrivalCloses(bodies, options);
        var partitions = Enumerable.Range(0, options.Partitions)
            .Select(_ => new List<(StreamEvent Event, DateTimeOffset? NotBefore)>()).ToArray();
        foreach (var index in order)
        {
            var partition = partitions[options.Shuffle ? random.Next(options.Partitions) : index % options.Partitions];
            var offset = partition.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var body = bodies[index];
            var streamEvent = new StreamEvent(
                body.Body, partition.Count, body.SentAt ?? options.EnqueuedTime, offset, body.Origin, body.ReadError);
            partition.Add((streamEvent, arrivals[index]));
        }

        var queues = partitions
            .Select((events, id) => new Queue<Delivery>(Batches(events, id, options.BatchSize)))
            .Where(queue => queue.Count > 0)
            .ToList();
        return Interleave(queues, options, random);
    }

    // For each body, the latest close time that it or a body before it passed: a body of an earlier day that comes
    // after that close arrives late, as it would from a producer that sent the log in its order.
    private static DateTimeOffset?[] ArrivalCloses(IReadOnlyList<ReplayBody> bodies, DeliveryOptions options)
    {
        var arrivals = new DateTimeOffset?[bodies.Count];
        if (options.Shuffle || options.CloseTimes.Count == 0)
        {
            return arrivals;
        }

        var latest = DateTimeOffset.MinValue;
        var passed = 0;
        for (var i = 0; i < bodies.Count; i++)
        {
            var sent = bodies[i].SentAt ?? options.EnqueuedTime;
            latest = sent > latest ? sent : latest;
            while (passed < options.CloseTimes.Count && options.CloseTimes[passed] <= latest)
            {
                passed++;
            }

            arrivals[i] = passed == 0 ? null : options.CloseTimes[passed - 1];
        }

        return arrivals;
    }

    // A batch never mixes bodies that arrived on either side of a close.
    private static IEnumerable<Delivery> Batches(
        List<(StreamEvent Event, DateTimeOffset? NotBefore)> events,
        int partitionId,
        int batchSize)
    {
        var id = partitionId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var start = 0;
        for (var i = 1; i <= events.Count; i++)
        {
            if (i == events.Count || i - start == batchSize || events[i].NotBefore != events[start].NotBefore)
            {
                yield return new Delivery(
                    id, [.. events[start..i].Select(e => e.Event)], false, events[start].NotBefore);
                start = i;
            }
        }
    }

    private static List<Delivery> Interleave(List<Queue<Delivery>> queues, DeliveryOptions options, Random random)
    {
        var deliveries = new List<Delivery>();
        var pending = new List<(Delivery Delivery, int Wait)>();
        var next = 0;
        while (queues.Count > 0)
        {
            // Batches that arrived after a close wait until every partition has delivered those from before it.
            var earliest = queues.Min(queue => queue.Peek().NotBefore ?? DateTimeOffset.MinValue);
            var ready = queues.Where(queue => (queue.Peek().NotBefore ?? DateTimeOffset.MinValue) == earliest).ToList();
            var pick = ready[options.Shuffle ? random.Next(ready.Count) : next++ % ready.Count];
            var delivery = pick.Dequeue();
            deliveries.Add(delivery);
            if (pick.Count == 0)
            {
                queues.Remove(pick);
            }

            // Delivered again right away or after up to three more batches.
            if (random.NextDouble() < options.RedeliverFraction)
            {
                pending.Add((delivery with { IsRedelivery = true }, random.Next(0, 4)));
            }

            pending = [.. pending.Select(p => p with { Wait = p.Wait - 1 })];
            deliveries.AddRange(pending.Where(p => p.Wait < 0).Select(p => p.Delivery));
            pending.RemoveAll(p => p.Wait < 0);
        }

        deliveries.AddRange(pending.Select(p => p.Delivery));
        return deliveries;
    }
}
