using Azure;

namespace OpenDownloads.Rotation.Arm;

/// <summary>
/// Passes calls on and remembers each one with its consumer (see <see cref="ActFor"/>) and outcome; a failed call
/// is listed too.
/// </summary>
internal sealed class RecordingArmClient(IArmClient inner) : IArmClient
{
    private readonly List<RecordedArmCall> _calls = [];
    private readonly Lock _gate = new();
    private readonly AsyncLocal<string?> _consumer = new();

    public Uri Endpoint => inner.Endpoint;

    public IReadOnlyList<RecordedArmCall> Calls
    {
        get
        {
            lock (_gate)
            {
                return [.. _calls];
            }
        }
    }

    /// <summary>Names <paramref name="consumer"/> on the calls made in this async flow until disposed.</summary>
    public IDisposable ActFor(string consumer)
    {
        var previous = _consumer.Value;
        _consumer.Value = consumer;
        return new Restore(() => _consumer.Value = previous);
    }

    public async Task<ArmResponse> SendAsync(ArmCall call, CancellationToken cancellationToken)
    {
        try
        {
            var response = await inner.SendAsync(call, cancellationToken).ConfigureAwait(false);
            Add(new RecordedArmCall(call, _consumer.Value, response.Status, null));
            return response;
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            // ARM's status and error code, or why there was no answer ("Could not connect to ...").
            if (error is RequestFailedException { Status: > 0 } failed)
            {
                var code = string.IsNullOrEmpty(failed.ErrorCode) ? null : PrintableText.Of(failed.ErrorCode);
                Add(new RecordedArmCall(call, _consumer.Value, failed.Status, code));
            }
            else
            {
                Add(new RecordedArmCall(call, _consumer.Value, null, ArmFailures.Describe(error)));
            }

            throw;
        }
    }

    private void Add(RecordedArmCall call)
    {
        lock (_gate)
        {
            _calls.Add(call);
        }
    }

    private sealed class Restore(Action undo) : IDisposable
    {
        public void Dispose() => undo();
    }
}
