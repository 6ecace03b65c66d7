using OpenDownloads.Rotation.Arm;

namespace OpenDownloads.Tests.Rotation.Support;

/// <summary>An ARM client in memory: records each call and answers it (status 200) through <see cref="Respond"/>.</summary>
internal sealed class StubArmClient(Func<ArmCall, BinaryData> respond) : IArmClient
{
    public List<ArmCall> Calls { get; } = [];

    public Uri Endpoint { get; init; } = new("https://management.azure.com/");

    public Func<ArmCall, BinaryData> Respond { get; set; } = respond;

    public Task<ArmResponse> SendAsync(ArmCall call, CancellationToken cancellationToken)
    {
        Calls.Add(call);
        return Task.FromResult(new ArmResponse(200, Respond(call)));
    }
}
