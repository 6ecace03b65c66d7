using Azure;
using Azure.Data.Tables;

namespace OpenDownloads.Rotation.Coordination;

/// <summary>
/// Spaces the starts of actions at least <c>stagger</c> apart across instances (row "stagger"/"next").
/// </summary>
internal sealed class StaggerGate(TableClient table, TimeSpan stagger)
{
    private const int MaxConflicts = 20;

    /// <summary>Zero when an action may start now (and the next start is pushed back); else how long to wait.</summary>
    public async Task<TimeSpan> TryPassAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (stagger <= TimeSpan.Zero)
        {
            return TimeSpan.Zero;
        }

        for (var conflict = 0; conflict < MaxConflicts; conflict++)
        {
            var found = await table
                .GetEntityIfExistsAsync<TableEntity>("stagger", "next", cancellationToken: cancellationToken)
                .ConfigureAwait(false);
            var next = found.HasValue ? found.Value!.GetDateTimeOffset("NextStart") : null;
            if (next > now)
            {
                return next.Value - now;
            }

            var entity = found.HasValue ? found.Value! : new TableEntity("stagger", "next");
            entity["NextStart"] = now + stagger;
            try
            {
                if (found.HasValue)
                {
                    await table.UpdateEntityAsync(entity, entity.ETag, TableUpdateMode.Replace, cancellationToken)
                        .ConfigureAwait(false);
                }
                else
                {
                    await table.AddEntityAsync(entity, cancellationToken).ConfigureAwait(false);
                }

                return TimeSpan.Zero;
            }
            catch (RequestFailedException error) when (error.Status is 409 or 412)
            {
                // Another instance started an action in between; read its new time and decide again.
            }
        }

        return stagger;
    }
}
