using Microsoft.Azure.Functions.Worker;
using OpenDownloads.Rotation.Coordination;

namespace OpenDownloads.Functions.Rotation;

/// <summary>
/// The second stage: one message per consumer batch, visible when its debounce window ends. Retries of a failing
/// action are its own delayed messages; after the last, the reason goes to rotation-actions-poison.
/// </summary>
internal sealed class RunRotationAction(ConsumerActionRunner runner)
{
    [Function(nameof(RunRotationAction))]
    public async Task RunAsync(
        [QueueTrigger(RotationStorage.ActionsQueueName)] string message,
        CancellationToken cancellationToken) =>
        await runner.RunAsync(BinaryData.FromString(message), cancellationToken);
}
