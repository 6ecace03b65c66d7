using Azure;
using Azure.Data.Tables;

namespace OpenDownloads.Rotation.Coordination;

/// <summary>
/// The concurrency limit across consumers and responder instances: N leased rows (partition "slot"). A run holds
/// one while it acts; a crashed run's slot frees itself when its lease ends.
/// </summary>
internal sealed class ActionSlots(TableClient table, int count)
{
    private const string Partition = "slot";

    /// <summary>Takes a free slot for <paramref name="holder"/>; null when all are held.</summary>
    public async Task<string?> TryAcquireAsync(
        string holder,
        DateTimeOffset now,
        TimeSpan lease,
        CancellationToken cancellationToken)
    {
        for (var slot = 0; slot < count; slot++)
        {
            var row = slot.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var found = await table
                .GetEntityIfExistsAsync<TableEntity>(Partition, row, cancellationToken: cancellationToken)
                .ConfigureAwait(false);
            var entity = found.HasValue ? found.Value! : new TableEntity(Partition, row);
            if (found.HasValue && entity.GetDateTimeOffset("LeaseUntil") > now)
            {
                continue;
            }

            entity["LeaseUntil"] = now + lease;
            entity["Holder"] = holder;
            if (await TryWriteAsync(entity, found.HasValue, cancellationToken).ConfigureAwait(false))
            {
                return row;
            }
        }

        return null;
    }

    public async Task ReleaseAsync(string slot, string holder, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var found = await table
            .GetEntityIfExistsAsync<TableEntity>(Partition, slot, cancellationToken: cancellationToken)
            .ConfigureAwait(false);
        if (found.HasValue && found.Value!.GetString("Holder") == holder)
        {
            var entity = found.Value;
            entity["LeaseUntil"] = now;
            await TryWriteAsync(entity, exists: true, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<bool> TryWriteAsync(TableEntity entity, bool exists, CancellationToken cancellationToken)
    {
        try
        {
            if (exists)
            {
                await table.UpdateEntityAsync(entity, entity.ETag, TableUpdateMode.Replace, cancellationToken)
                    .ConfigureAwait(false);
            }
            else
            {
                await table.AddEntityAsync(entity, cancellationToken).ConfigureAwait(false);
            }

            return true;
        }
        catch (RequestFailedException error) when (error.Status is 409 or 412)
        {
            return false;
        }
    }
}
