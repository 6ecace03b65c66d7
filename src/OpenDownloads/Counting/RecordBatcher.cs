using System.Collections.Concurrent;
using OpenDownloads.Counting.Readers;

namespace OpenDownloads.Counting;

/// <summary>
/// Cuts the results of a first step on each record into batches for a prefetcher to hand over, and fills the
/// batches the consumer is done with again instead of new ones: a count makes millions of results, and new arrays
/// for them were a fifth of everything it allocated. Thread-safe between one or more fillers and one consumer.
/// </summary>
/// <typeparam name="T">What the first step makes of a record.</typeparam>
internal sealed class RecordBatcher<T>
{
    private const int BatchSize = 256;

    private readonly ConcurrentQueue<T[]> _free = new();

    /// <summary>
    /// Runs <paramref name="step"/> on each record and passes each full batch, then the last, to
    /// <paramref name="send"/> with the number of results it holds.
    /// </summary>
    public void Fill(IEnumerable<RawRecord> records, Func<RawRecord, T> step, Action<T[], int> send)
    {
        var batch = NewBatch();
        var count = 0;
        foreach (var record in records)
        {
            batch[count++] = step(record);
            if (count == BatchSize)
            {
                send(batch, count);
                batch = NewBatch();
                count = 0;
            }
        }

        if (count > 0)
        {
            send(batch, count);
        }
    }

    /// <summary>Takes back a batch whose results have all been read.</summary>
    public void Reuse(T[] batch) => _free.Enqueue(batch);

    private T[] NewBatch() => _free.TryDequeue(out var batch) ? batch : new T[BatchSize];
}
