using System.Collections.Concurrent;
using OpenDownloads.Rotation.Events;

namespace OpenDownloads.Rotation.Coordination;

/// <summary>A ledger for one run of odl rotation simulate: it dedupes within the run and forgets afterwards.</summary>
internal sealed class MemoryChangeLedger : IChangeLedger
{
    private readonly ConcurrentDictionary<(string Change, string Consumer), string> _handled = new();

    public Task<bool> IsHandledAsync(SecretChange change, string consumer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        return Task.FromResult(_handled.ContainsKey((change.Key, consumer.ToLowerInvariant())));
    }

    public Task RecordAsync(
        IEnumerable<SecretChange> changes,
        string consumer,
        string outcome,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(changes);
        foreach (var change in changes)
        {
            _handled[(change.Key, consumer.ToLowerInvariant())] = outcome;
        }

        return Task.CompletedTask;
    }
}
