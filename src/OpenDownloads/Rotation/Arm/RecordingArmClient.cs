namespace OpenDownloads.Rotation.Arm;

/// <summary>Passes calls on and remembers each one (before sending, so a failed call is listed too).</summary>
internal sealed class RecordingArmClient(IArmClient inner) : IArmClient
{
    private readonly List<ArmCall> _calls = [];
    private readonly Lock _gate = new();

    public IReadOnlyList<ArmCall> Calls
    {
        get
        {
            lock (_gate)
            {
                return [.. _calls];
            }
        }
    }

    public Task<BinaryData> SendAsync(ArmCall call, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _calls.Add(call);
        }

        return inner.SendAsync(call, cancellationToken);
    }
}
