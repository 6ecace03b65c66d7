using OpenDownloads.Rotation.Consumers;
using OpenDownloads.Rotation.Events;

namespace OpenDownloads.Rotation.Coordination;

/// <summary>
/// Takes one consumer's changes from one message: queue them (Functions), plan them (dry run) or run them (CLI).
/// </summary>
internal interface IConsumerDispatcher
{
    Task DispatchAsync(Consumer consumer, IReadOnlyList<SecretChange> changes, CancellationToken cancellationToken);
}
