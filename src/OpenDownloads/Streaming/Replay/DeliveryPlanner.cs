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

        var partitions = Enumerable.Range(0, options.Partitions).Select(_ => new List<StreamEvent>()).ToArray();
        foreach (var index in order)
        {
            var partition = partitions[options.Shuffle ? random.Next(options.Partitions) : index % options.Partitions];
            var offset = partition.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var body = bodies[index];
            partition.Add(new StreamEvent(
                body.Body, partition.Count, body.SentAt ?? options.EnqueuedTime, offset, body.Origin));
        }

        var queues = partitions
            .Select((events, id) => new Queue<Delivery>(events.Chunk(options.BatchSize).Select(batch =>
                new Delivery(id.ToString(System.Globalization.CultureInfo.InvariantCulture), batch, false))))
            .Where(queue => queue.Count > 0)
            .ToList();
        return Interleave(queues, options, random);
    }

    private static List<Delivery> Interleave(List<Queue<Delivery>> queues, DeliveryOptions options, Random random)
    {
        var deliveries = new List<Delivery>();
        var pending = new List<(Delivery Delivery, int Wait)>();
        var next = 0;
        while (queues.Count > 0)
        {
            var pick = options.Shuffle ? random.Next(queues.Count) : next++ % queues.Count;
            var delivery = queues[pick].Dequeue();
            deliveries.Add(delivery);
            if (queues[pick].Count == 0)
            {
                queues.RemoveAt(pick);
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
