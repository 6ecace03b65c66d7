using System.Diagnostics;
using Azure.Core;
using Azure.Core.Pipeline;

namespace OpenDownloads.Benchmarks.EndToEnd;

/// <summary>
/// Measures the wall time during which at least one storage request is in flight, and counts the requests. Calls
/// that overlap count once, so the busy time is never more than the elapsed time.
/// </summary>
internal sealed class StorageRoundTripTimer : HttpPipelinePolicy
{
    private readonly Lock _lock = new();
    private int _inFlight;
    private long _busySince;
    private long _busyTicks;
    private long _requests;

    public TimeSpan Busy => Stopwatch.GetElapsedTime(0, Interlocked.Read(ref _busyTicks));

    public long Requests => Interlocked.Read(ref _requests);

    public void Reset()
    {
        lock (_lock)
        {
            _busyTicks = 0;
            _requests = 0;
        }
    }

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        Enter();
        try
        {
            ProcessNext(message, pipeline);
        }
        finally
        {
            Leave();
        }
    }

    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        Enter();
        try
        {
            await ProcessNextAsync(message, pipeline);
        }
        finally
        {
            Leave();
        }
    }

    private void Enter()
    {
        lock (_lock)
        {
            _requests++;
            if (_inFlight++ == 0)
            {
                _busySince = Stopwatch.GetTimestamp();
            }
        }
    }

    private void Leave()
    {
        lock (_lock)
        {
            if (--_inFlight == 0)
            {
                _busyTicks += Stopwatch.GetTimestamp() - _busySince;
            }
        }
    }
}
