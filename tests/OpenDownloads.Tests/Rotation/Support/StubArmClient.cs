using OpenDownloads.Rotation.Arm;

namespace OpenDownloads.Tests.Rotation.Support;

/// <summary>An ARM client in memory: records each call and answers it through <see cref="Respond"/>.</summary>
internal sealed class StubArmClient(Func<ArmCall, BinaryData> respond) : IArmClient
{
    public List<ArmCall> Calls { get; } = [];

    public Func<ArmCall, BinaryData> Respond { get; set; } = respond;

    public Task<BinaryData> SendAsync(ArmCall call, CancellationToken cancellationToken)
    {
        Calls.Add(call);
        return Task.FromResult(Respond(call));
    }
}
