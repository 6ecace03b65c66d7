using Azure;
using Azure.Data.Tables;
using OpenDownloads.Rotation.Events;

namespace OpenDownloads.Rotation.Coordination;

/// <summary>Reads and writes <see cref="ConsumerBatch"/> rows with optimistic concurrency.</summary>
internal sealed class ConsumerBatchStore(TableClient table)
{
    private const int MaxConflicts = 20;

    /// <summary>
    /// Adds changes to the consumer's batch: opens one due after <paramref name="window"/>, or joins it.
    /// </summary>
    public async Task<BatchJoin> AddAsync(
        string consumer,
        IReadOnlyList<SecretChange> changes,
        DateTimeOffset now,
        TimeSpan window,
        CancellationToken cancellationToken)
    {
        for (var conflict = 0; conflict < MaxConflicts; conflict++)
        {
            var batch = await GetAsync(consumer, cancellationToken).ConfigureAwait(false);
            if (batch is null)
            {
                batch = new ConsumerBatch
                {
                    RowKey = consumer.ToLowerInvariant(),
                    Consumer = consumer,
                    Changes = ChangeListJson.Write(changes),
                    DueAt = now + window,
                    Generation = now.UtcTicks,
                };
                if (await TryAddAsync(batch, cancellationToken).ConfigureAwait(false))
                {
                    return new BatchJoin(true, batch.Generation, batch.DueAt);
                }

                continue;
            }

            var current = ChangeListJson.Read(batch.Changes);
            if (batch.CurrentState == BatchState.Open)
            {
                batch.Changes = ChangeListJson.Write(ChangeListJson.Union(current, changes));
            }
            else
            {
                var waiting = ChangeListJson.Union(ChangeListJson.Read(batch.Next), changes);
                batch.Next = ChangeListJson.Write(waiting.Where(change => current.All(held => held.Key != change.Key)));
            }

            if (await TryUpdateAsync(batch, cancellationToken).ConfigureAwait(false))
            {
                return new BatchJoin(false, batch.Generation, batch.DueAt);
            }
        }

        throw new InvalidOperationException($"The batch of consumer '{consumer}' kept changing under "
            + $"{MaxConflicts} writes; expected it to settle.");
    }

    public async Task<ConsumerBatch?> GetAsync(string consumer, CancellationToken cancellationToken)
    {
        var found = await table.GetEntityIfExistsAsync<ConsumerBatch>(
            ConsumerBatch.Partition, consumer.ToLowerInvariant(), cancellationToken: cancellationToken)
                .ConfigureAwait(false);
        return found.HasValue ? found.Value : null;
    }

    /// <summary>Writes the batch if nobody else did since it was read; false on a conflict.</summary>
    public async Task<bool> TryUpdateAsync(ConsumerBatch batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        try
        {
            var response = await table.UpdateEntityAsync(batch, batch.ETag, TableUpdateMode.Replace, cancellationToken)
                .ConfigureAwait(false);
            batch.ETag = response.Headers.ETag ?? batch.ETag;
            return true;
        }
        catch (RequestFailedException error) when (error.Status is 412 or 404)
        {
            return false;
        }
    }

    public async Task<bool> TryDeleteAsync(ConsumerBatch batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        try
        {
            await table.DeleteEntityAsync(batch.PartitionKey, batch.RowKey, batch.ETag, cancellationToken)
                .ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException error) when (error.Status is 412 or 404)
        {
            return false;
        }
    }

    /// <summary>
    /// Opens a claimed batch again for a later attempt: the changes that arrived meanwhile join it, and the next
    /// attempt resumes at <paramref name="step"/>.
    /// </summary>
    public async Task ReopenAsync(
        ConsumerBatch batch,
        string step,
        DateTimeOffset dueAt,
        CancellationToken cancellationToken)
    {
        for (var conflict = 0; conflict < MaxConflicts; conflict++)
        {
            var held = ChangeListJson.Read(batch.Changes);
            batch.Changes = ChangeListJson.Write(ChangeListJson.Union(held, ChangeListJson.Read(batch.Next)));
            batch.Next = "[]";
            batch.State = nameof(BatchState.Open);
            batch.DueAt = dueAt;
            batch.Step = step;
            batch.LeaseUntil = null;
            if (await TryUpdateAsync(batch, cancellationToken).ConfigureAwait(false))
            {
                return;
            }

            batch = await GetAsync(batch.Consumer, cancellationToken).ConfigureAwait(false) ?? batch;
        }
    }

    /// <summary>
    /// Ends a claimed batch: deletes it, or, when changes arrived while it ran, makes them the next generation due
    /// at <paramref name="dueAt"/> and returns that generation (which then needs its own queue message).
    /// </summary>
    public async Task<long?> CompleteAsync(
        ConsumerBatch batch,
        DateTimeOffset dueAt,
        CancellationToken cancellationToken)
    {
        for (var conflict = 0; conflict < MaxConflicts; conflict++)
        {
            var next = ChangeListJson.Read(batch.Next);
            if (next.Count == 0 && await TryDeleteAsync(batch, cancellationToken).ConfigureAwait(false))
            {
                return null;
            }

            if (next.Count > 0)
            {
                batch.Changes = ChangeListJson.Write(next);
                batch.Next = "[]";
                batch.State = nameof(BatchState.Open);
                batch.DueAt = dueAt;
                batch.Generation = Math.Max(batch.Generation + 1, dueAt.UtcTicks);
                batch.Step = null;
                batch.LeaseUntil = null;
                if (await TryUpdateAsync(batch, cancellationToken).ConfigureAwait(false))
                {
                    return batch.Generation;
                }
            }

            batch = await GetAsync(batch.Consumer, cancellationToken).ConfigureAwait(false) ?? batch;
        }

        throw new InvalidOperationException(
            $"The batch of consumer '{batch.Consumer}' kept changing while being completed; expected it to settle.");
    }

    private async Task<bool> TryAddAsync(ConsumerBatch batch, CancellationToken cancellationToken)
    {
        try
        {
            var response = await table.AddEntityAsync(batch, cancellationToken).ConfigureAwait(false);
            batch.ETag = response.Headers.ETag ?? batch.ETag;
            return true;
        }
        catch (RequestFailedException error) when (error.Status == 409)
        {
            return false;
        }
    }
}
