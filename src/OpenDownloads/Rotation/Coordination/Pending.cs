using Microsoft.Extensions.Logging;
using OpenDownloads.Rotation.Consumers;
using OpenDownloads.Rotation.Events;

namespace OpenDownloads.Rotation.Coordination;

/// <summary>Drops the changes a consumer was already brought onto, logging each duplicate.</summary>
internal static class Pending
{
    public static async Task<List<SecretChange>> FilterAsync(
        IChangeLedger ledger,
        Consumer consumer,
        IReadOnlyList<SecretChange> changes,
        ILogger logger,
        CancellationToken cancellationToken)
    {
        var pending = new List<SecretChange>();
        foreach (var change in changes)
        {
            if (await ledger.IsHandledAsync(change, consumer.Name, cancellationToken).ConfigureAwait(false))
            {
                Log.ChangeAlreadyHandled(logger, consumer.Name, change.PrintableKey);
                continue;
            }

            pending.Add(change);
        }

        return pending;
    }
}
