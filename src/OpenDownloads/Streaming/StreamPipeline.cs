using Microsoft.Extensions.Logging;
using OpenDownloads.Streaming.Counters;
using OpenDownloads.Streaming.Days;
using OpenDownloads.Streaming.Groups;
using OpenDownloads.Streaming.Output;
using OpenDownloads.Streaming.Reference;

namespace OpenDownloads.Streaming;

/// <summary>The stream path put together over one storage account: the batch handler and the day closer.</summary>
public sealed class StreamPipeline : IDisposable
{
    private readonly ReferenceDataBlobs _reference;

    private StreamPipeline(StreamBatchHandler handler, DayCloser closer, ReferenceDataBlobs reference)
    {
        Handler = handler;
        Closer = closer;
        _reference = reference;
    }

    /// <summary>Gets the handler that counts batches.</summary>
    public StreamBatchHandler Handler { get; }

    /// <summary>Gets the closer that closes days and writes totals.</summary>
    public DayCloser Closer { get; }

    /// <summary>Puts the stream path together; the options are checked first, the salt only for being there (the
    /// Functions app checks its length when it starts).</summary>
    /// <exception cref="StreamingException">The options have problems; the message lists every one.</exception>
    public static StreamPipeline Create(
        StreamStorage storage,
        StreamingOptions options,
        TimeProvider time,
        ILoggerFactory loggers)
    {
        ArgumentNullException.ThrowIfNull(storage);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(loggers);
        if (options.Validate(minimumSaltLength: 1) is { Count: > 0 } problems)
        {
            throw new StreamingException(
                $"The streaming settings have {problems.Count} problem(s): " + string.Join(" ", problems));
        }

        var logger = loggers.CreateLogger("OpenDownloads.Streaming");
        var reference = new ReferenceDataBlobs(storage.Blobs, options.Reference, time, logger);
        var days = new DayStore(storage.Table, options.Lateness, logger);
        var groups = new GroupStore(storage.Table, new GroupCache(options.GroupCacheCapacity));
        var counters = new CounterStore(storage.Table, logger);
        var deadLetters = new DeadLetterWriter(storage.Output, options.DeadLetterPrefix, logger);
        var handler = new StreamBatchHandler(options, days, groups, counters, deadLetters, reference, time, logger);
        var closer = new DayCloser(options, days, groups, counters, storage.Output, reference, time, logger);
        return new StreamPipeline(handler, closer, reference);
    }

    /// <inheritdoc/>
    public void Dispose() => _reference.Dispose();
}
