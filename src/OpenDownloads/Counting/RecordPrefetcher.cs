using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using OpenDownloads.Counting.Readers;

namespace OpenDownloads.Counting;

/// <summary>
/// Reads records on a thread of its own, a batch ahead of the caller, so that reading and parsing a log (one core)
/// and preparing and counting its records (another) overlap. The records come out in the order they were read,
/// and an exception the reader throws comes out after every record read before it, as if read on one thread.
/// </summary>
internal sealed class RecordPrefetcher : IDisposable
{
    private const int BatchSize = 512;
    private const int BatchesAhead = 8;

    private readonly BlockingCollection<RawRecord[]> _batches = new(BatchesAhead);
    private readonly CancellationTokenSource _stop = new();
    private readonly Thread _reader;
    private ExceptionDispatchInfo? _failure;

    private RecordPrefetcher(IEnumerable<RawRecord> records)
    {
        _reader = new Thread(() => Fill(records)) { IsBackground = true, Name = "odl record reader" };
        _reader.Start();
    }

    /// <summary>
    /// Yields <paramref name="records"/> as they are read on another thread; a collection already in memory is
    /// yielded as it is, as there is nothing to read.
    /// </summary>
    public static IEnumerable<RawRecord> Read(IEnumerable<RawRecord> records) =>
        records is IReadOnlyCollection<RawRecord> ? records : ReadAhead(records);

    private static IEnumerable<RawRecord> ReadAhead(IEnumerable<RawRecord> records)
    {
        using var prefetcher = new RecordPrefetcher(records);
        foreach (var batch in prefetcher._batches.GetConsumingEnumerable())
        {
            foreach (var record in batch)
            {
                yield return record;
            }
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

    private void Fill(IEnumerable<RawRecord> records)
    {
        try
        {
            var batch = new List<RawRecord>(BatchSize);
            foreach (var record in records)
            {
                batch.Add(record);
                if (batch.Count == BatchSize)
                {
                    _batches.Add([.. batch], _stop.Token);
                    batch.Clear();
                }
            }

            if (batch.Count > 0)
            {
                _batches.Add([.. batch], _stop.Token);
            }
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
