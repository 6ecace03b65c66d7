using Microsoft.Azure.Functions.Worker;
using OpenDownloads.Rotation.Coordination;

namespace OpenDownloads.Functions.Rotation;

/// <summary>
/// The primary path: Event Grid delivers Key Vault and App Configuration events to the rotation-events queue (one
/// Base64 JSON event per message). A message that keeps throwing (unreadable, storage down) is retried by the
/// host and then moved to rotation-events-poison.
/// </summary>
internal sealed class RestartOnSecretRotation(RotationResponder responder)
{
    [Function(nameof(RestartOnSecretRotation))]
    public async Task RunAsync(
        [QueueTrigger(RotationStorage.EventsQueueName)] string message,
        CancellationToken cancellationToken) =>
        await responder.HandleAsync(BinaryData.FromString(message), cancellationToken);
}
