using System.Collections.Concurrent;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;

namespace OpenDownloads.Streaming.Days;

/// <summary>
/// The days in the state table (partition <c>days</c>). The first instance to see a request of a day opens it
/// with the salt it has in effect; every other instance, now or later, reads that salt back, so a salt rotated in
/// the middle of a day never splits a listener's requests of that day between two hashes.
/// </summary>
internal sealed class DayStore
{
    public const string PartitionKey = "days";

    private readonly TableClient _table;
    private readonly TimeSpan _lateness;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<long, DayRecord> _cache = new();

    public DayStore(TableClient table, TimeSpan lateness, ILogger logger)
    {
        _table = table;
        _lateness = lateness;
        _logger = logger;
    }

    /// <summary>
    /// Returns the day, opening it with <paramref name="salt"/> if nobody has yet, or null when it is too late to
    /// open: its requests are late.
    /// </summary>
    public async ValueTask<DayRecord?> GetOrOpenAsync(
        StreamDay day,
        string salt,
        DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        if (_cache.TryGetValue(day.WindowStart, out var cached))
        {
            return cached;
        }

        var existing = await ReadAsync(day, cancellationToken);
        if (existing is null)
        {
            var closeAt = day.End + _lateness;
            if (now >= closeAt)
            {
                return null;
            }

            existing = await TryOpenAsync(day, salt, closeAt, cancellationToken)
                ?? await ReadAsync(day, cancellationToken);
        }

        return existing is null ? null : _cache.GetOrAdd(day.WindowStart, existing);
    }

    public async Task<DayRecord?> ReadAsync(StreamDay day, CancellationToken cancellationToken)
    {
        var found = await _table.GetEntityIfExistsAsync<TableEntity>(
            PartitionKey, day.Key, cancellationToken: cancellationToken);
        return found.HasValue ? FromEntity(day, found.Value!) : null;
    }

    /// <summary>Returns every day not yet closed.</summary>
    public async Task<IReadOnlyList<DayRecord>> ListOpenAsync(CancellationToken cancellationToken)
    {
        var open = new List<DayRecord>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {PartitionKey} and Closed eq {false}");
        var query = _table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken);
        await foreach (var entity in query)
        {
            open.Add(FromEntity(new StreamDay(entity.GetInt64("WindowStart") ?? 0), entity));
        }

        return open;
    }

    /// <summary>Marks the day closed and forgets its salt; false when another closer got there first.</summary>
    public async Task<bool> MarkClosedAsync(
        DayRecord day,
        long total,
        DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var entity = ToEntity(day.Day, salt: null, day.CloseAt, closed: true);
        entity["ClosedAt"] = now;
        entity["Total"] = total;
        try
        {
            await _table.UpdateEntityAsync(entity, day.ETag, TableUpdateMode.Replace, cancellationToken);
            _cache.TryRemove(day.Day.WindowStart, out _);
            return true;
        }
        catch (RequestFailedException error) when (StorageFailures.IsConflict(error))
        {
            return false;
        }
    }

    private static DayRecord FromEntity(StreamDay day, TableEntity entity) => new(
        day,
        entity.GetString("Salt"),
        entity.GetDateTimeOffset("CloseAt") ?? day.End,
        entity.GetBoolean("Closed") ?? false,
        entity.ETag);

    private static TableEntity ToEntity(StreamDay day, string? salt, DateTimeOffset closeAt, bool closed)
    {
        var entity = new TableEntity(PartitionKey, day.Key)
        {
            ["WindowStart"] = day.WindowStart,
            ["CloseAt"] = closeAt,
            ["Closed"] = closed,
        };
        if (salt is not null)
        {
            entity["Salt"] = salt;
        }

        return entity;
    }

    private async Task<DayRecord?> TryOpenAsync(
        StreamDay day,
        string salt,
        DateTimeOffset closeAt,
        CancellationToken cancellationToken)
    {
        try
        {
            var response = await _table.AddEntityAsync(ToEntity(day, salt, closeAt, closed: false), cancellationToken);
            StreamingLog.DayOpened(_logger, day.ToString(), closeAt);
            return new DayRecord(day, salt, closeAt, false, response.Headers.ETag ?? default);
        }
        catch (RequestFailedException error) when (error.Status == 409)
        {
            // Another instance opened it first; its salt is the day's.
            return null;
        }
    }
}
