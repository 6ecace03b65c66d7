using Azure.Data.Tables;
using OpenDownloads.Rotation.Events;

namespace OpenDownloads.Rotation.Coordination;

/// <summary>The ledger in Azure Table storage: partition "change-{hash of the change key}", row the consumer.</summary>
internal sealed class TableChangeLedger(RotationStorage storage, TimeProvider time) : IChangeLedger
{
    public async Task<bool> IsHandledAsync(SecretChange change, string consumer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        await storage.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var entity = await storage.Table.GetEntityIfExistsAsync<TableEntity>(
            PartitionKey(change), RowKey(consumer), cancellationToken: cancellationToken).ConfigureAwait(false);
        return entity.HasValue;
    }

    public async Task RecordAsync(
        IEnumerable<SecretChange> changes,
        string consumer,
        string outcome,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(changes);
        await storage.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        foreach (var change in changes)
        {
            var entity = new TableEntity(PartitionKey(change), RowKey(consumer))
            {
                ["Change"] = change.Key,
                ["Consumer"] = consumer,
                ["Outcome"] = outcome,
                ["HandledAt"] = time.GetUtcNow(),
            };
            await storage.Table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken)
                .ConfigureAwait(false);
        }
    }

    private static string PartitionKey(SecretChange change) => $"change-{change.KeyHash}";

    private static string RowKey(string consumer) => consumer.ToLowerInvariant();
}
