using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using OpenDownloads.Counting.Readers;

namespace OpenDownloads.Counting;

/// <summary>
/// Reads records and runs a first step on each on a thread of its own, a batch ahead of the caller, so that
/// reading, parsing and preparing a log (one core) and counting it (another) overlap. The results come out in the
/// order the records were read, and an exception the reader throws comes out after every record read before it,
/// as if read on one thread.
/// </summary>
/// <typeparam name="T">What the first step makes of a record.</typeparam>
internal sealed class RecordPrefetcher<T> : IDisposable
{
    private const int BatchesAhead = 4;

    private readonly BlockingCollection<(T[] Items, int Count)> _batches = new(BatchesAhead);
    private readonly RecordBatcher<T> _batcher = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Thread _reader;
    private ExceptionDispatchInfo? _failure;

    private RecordPrefetcher(IEnumerable<RawRecord> records, Func<RawRecord, T> step)
    {
        _reader = new Thread(() => Fill(records, step)) { IsBackground = true, Name = "odl record reader" };
        _reader.Start();
    }

    /// <summary>
    /// Yields <paramref name="step"/>'s result for each of <paramref name="records"/>, read and stepped on another
    /// thread; a collection already in memory is stepped on the caller's thread, as there is nothing to read.
    /// </summary>
    public static IEnumerable<T> Read(IEnumerable<RawRecord> records, Func<RawRecord, T> step) =>
        records is IReadOnlyCollection<RawRecord> ? records.Select(step) : ReadAhead(records, step);

    private static IEnumerable<T> ReadAhead(IEnumerable<RawRecord> records, Func<RawRecord, T> step)
    {
        using var prefetcher = new RecordPrefetcher<T>(records, step);
        foreach (var (items, count) in prefetcher._batches.GetConsumingEnumerable())
        {
            for (var i = 0; i < count; i++)
            {
                yield return items[i];
            }

            prefetcher._batcher.Reuse(items);
        }

        prefetcher._reader.Join();
        prefetcher._failure?.Throw();
    }

    public void Dispose()
    {
        // The caller stopped early (or failed): let the reader end instead of blocking on a full queue.
        _stop.Cancel();
        _reader.Join();
        _stop.Dispose();
        _batches.Dispose();
    }

    private void Fill(IEnumerable<RawRecord> records, Func<RawRecord, T> step)
    {
        try
        {
            _batcher.Fill(records, step, (batch, count) => _batches.Add((batch, count), _stop.Token));
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            // The consumer is gone; nothing more is wanted.
        }
        catch (Exception error)
        {
            _failure = ExceptionDispatchInfo.Capture(error);
        }
        finally
        {
            _batches.CompleteAdding();
        }
    }
}
