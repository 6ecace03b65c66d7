using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using OpenDownloads.Counting.Readers;

namespace OpenDownloads.Counting;

/// <summary>
/// Reads several parts of a log at once, one thread each, and runs a first step on each record there, so that
/// parsing and preparing (the slower half of a count) gets every core while the caller counts. Each part's results
/// come out in the part's order, tagged with the part's index; the parts are interleaved as they come. If a part
/// fails, reading stops and the failure of the first failed part (in the parts' order) is thrown once every thread
/// has ended.
/// </summary>
/// <typeparam name="T">What the first step makes of a record.</typeparam>
internal sealed class PartPrefetcher<T> : IDisposable
{
    private const int BatchesAheadPerPart = 4;

    private readonly BlockingCollection<(int Part, T[] Items, int Count)> _batches;
    private readonly RecordBatcher<T> _batcher = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Thread[] _readers;
    private readonly ExceptionDispatchInfo?[] _failures;
    private int _running;

    private PartPrefetcher(IReadOnlyList<LogPart> parts, Func<RawRecord, T> step)
    {
        _batches = new(BatchesAheadPerPart * parts.Count);
        _failures = new ExceptionDispatchInfo?[parts.Count];
        _running = parts.Count;
        _readers = new Thread[parts.Count];
        for (var i = 0; i < parts.Count; i++)
        {
            var index = i;
            _readers[i] = new Thread(() => Fill(index, parts[index], step))
            {
                IsBackground = true,
                Name = $"odl part reader {index}",
            };
        }

        foreach (var reader in _readers)
        {
            reader.Start();
        }
    }

    /// <summary>Yields each part's index with <paramref name="step"/>'s result for each of its records.</summary>
    public static IEnumerable<(int Part, T Item)> Read(IReadOnlyList<LogPart> parts, Func<RawRecord, T> step)
    {
        using var prefetcher = new PartPrefetcher<T>(parts, step);
        foreach (var (part, items, count) in prefetcher._batches.GetConsumingEnumerable())
        {
            for (var i = 0; i < count; i++)
            {
                yield return (part, items[i]);
            }

            prefetcher._batcher.Reuse(items);
        }

        prefetcher.JoinAll();
        prefetcher._failures.FirstOrDefault(failure => failure is not null)?.Throw();
    }

    public void Dispose()
    {
        // The caller stopped early (or failed): let the readers end instead of blocking on a full queue.
        _stop.Cancel();
        JoinAll();
        _stop.Dispose();
        _batches.Dispose();
    }

    private void JoinAll()
    {
        foreach (var reader in _readers)
        {
            reader.Join();
        }
    }

    private void Fill(int index, LogPart part, Func<RawRecord, T> step)
    {
        try
        {
            _batcher.Fill(part.Read(), step, (batch, count) => _batches.Add((index, batch, count), _stop.Token));
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            // The consumer is gone, or another part failed; nothing more is wanted.
        }
        catch (Exception error)
        {
            _failures[index] = ExceptionDispatchInfo.Capture(error);
            _stop.Cancel();
        }
        finally
        {
            if (Interlocked.Decrement(ref _running) == 0)
            {
                _batches.CompleteAdding();
            }
        }
    }
}
