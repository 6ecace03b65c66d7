using Microsoft.Extensions.Logging;
using OpenDownloads.Datacenters.Fetching;
using OpenDownloads.Datacenters.Output;
using OpenDownloads.Datacenters.Providers;

namespace OpenDownloads.Datacenters.Building;

/// <summary>
/// Rebuilds the datacenter list: reads the base list and every enabled provider's feed at once, keeps the last
/// good ranges of any provider whose feed cannot be trusted, composes the list by the fixed precedence, and
/// renders its files. It refuses (throws) only when it would have to publish a list without its base rows.
/// </summary>
public sealed class DatacenterListRebuilder
{
    private readonly DatacenterRebuildOptions _options;
    private readonly ProviderRefresher _refresher;
    private readonly BaseListReader _baseList;
    private readonly TimeProvider _clock;
    private readonly ILogger _logger;

    internal DatacenterListRebuilder(
        DatacenterRebuildOptions options,
        IFeedSource feeds,
        IFeedSource http,
        TimeProvider clock,
        ILogger logger)
    {
        _options = options;
        _refresher = new ProviderRefresher(feeds, options);
        _baseList = new BaseListReader(http, clock);
        _clock = clock;
        _logger = logger;
    }

    /// <summary>
    /// Creates a rebuilder that fetches feeds with <paramref name="http"/>, or reads them from
    /// <see cref="DatacenterRebuildOptions.FeedDirectory"/> when set.
    /// </summary>
    /// <param name="options">Validated options.</param>
    /// <param name="http">
    /// The client for feeds and the base list; its own timeout should not be shorter than the feeds'.
    /// </param>
    /// <param name="clock">The clock for timestamps, timeouts and retry delays.</param>
    /// <param name="logger">Where progress and the run's summary are logged.</param>
    public static DatacenterListRebuilder Create(
        DatacenterRebuildOptions options,
        HttpClient http,
        TimeProvider clock,
        ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(logger);
        var web = new HttpFeedSource(http, options, clock, logger);
        IFeedSource feeds = options.FeedDirectory is { } directory ? new DirectoryFeedSource(directory, clock) : web;
        return new DatacenterListRebuilder(options, feeds, web, clock, logger);
    }

    /// <summary>Rebuilds the list against the previously published one, if any.</summary>
    /// <exception cref="DatacenterRebuildException">
    /// The base list cannot be used and there is no previous list to keep its rows from.
    /// </exception>
    public async Task<DatacenterListBuild> RebuildAsync(
        PublishedDatacenterList? previous,
        CancellationToken cancellationToken)
    {
        var started = _clock.GetTimestamp();
        var builtAt = _clock.GetUtcNow();
        var version = $"{builtAt.UtcDateTime:yyyy'/'MM'/'dd'/'HHmmss}-{Guid.NewGuid().ToString("N")[..8]}";
        var feeds = ProviderCatalog.All(_options);
        var selected = ProviderCatalog.Enabled(_options).Select(feed => feed.Id).ToHashSet(StringComparer.Ordinal);
        DatacenterRebuildLog.RebuildStarted(_logger, version, selected.Count);
        if (_options.Force)
        {
            DatacenterRebuildLog.RebuildForced(_logger, version);
        }

        // Providers left out of a run keep their rows as the previous list had them, as a failed feed would,
        // rather than reverting to whatever the base list holds under their names.
        var baseTask = _baseList.ReadAsync(_options.BaseList, cancellationToken);
        var providerTasks = feeds.Select(feed => selected.Contains(feed.Id)
            ? _refresher.RefreshAsync(feed, previous, cancellationToken)
            : Task.FromResult(ProviderRefresher.NotSelected(feed, previous))).ToList();
        var (baseSource, baseRows) = await baseTask;
        var outcomes = await Task.WhenAll(providerTasks);
        var screened = BaseRowScreen.Screen(baseRows);
        baseRows = screened.Rows;
        if (screened.SpecialPurpose + screened.TooLarge > 0)
        {
            DatacenterRebuildLog.BaseRowsSkipped(_logger, screened.SpecialPurpose, screened.TooLarge);
        }

        var providerNames = feeds.Select(feed => feed.Name).ToHashSet(StringComparer.Ordinal);
        var handKept = ChooseHandKeptRows(version, previous, providerNames, ref baseSource, baseRows);
        outcomes = [.. outcomes.Select(outcome => WithBaseFallback(outcome, baseRows))];
        foreach (var outcome in outcomes)
        {
            LogOutcome(outcome);
        }

        var composer = new DatacenterListComposer();
        for (var rank = 0; rank < outcomes.Length; rank++)
        {
            foreach (var range in outcomes[rank].Ranges)
            {
                composer.Add(range, rank);
            }
        }

        foreach (var row in handKept)
        {
            composer.Add(row, outcomes.Length);
        }

        var composed = composer.Compose();
        var build = DatacenterListOutput.Render(
            composed.Ranges, Manifest(version, builtAt, baseSource, outcomes, composed) with
            {
                BaseRowsSpecialPurpose = screened.SpecialPurpose,
                BaseRowsTooLarge = screened.TooLarge,
                Forced = _options.Force,
            });
        if (build.Manifest.RangesIPv4 == 0)
        {
            DatacenterRebuildLog.RebuildRefused(_logger, version, "the list would have no IPv4 ranges");
            throw new DatacenterRebuildException(
                $"The rebuilt list {version} has no IPv4 ranges; refusing to publish it.");
        }

        DatacenterRebuildLog.RebuildFinished(
            _logger,
            version,
            build.Manifest.RangesIPv4,
            build.Manifest.RangesIPv6,
            outcomes.Count(outcome => outcome.Status is ProviderStatus.Updated or ProviderStatus.NotModified),
            outcomes.Count(outcome => outcome.KeptPrevious),
            composed.ContainedDropped,
            composed.PartialOverlaps,
            (long)_clock.GetElapsedTime(started).TotalMilliseconds);
        return build;
    }

    private static ProviderOutcome WithBaseFallback(ProviderOutcome outcome, List<DatacenterRange>? baseRows)
    {
        if (outcome.RangesFrom != "none" || baseRows is null)
        {
            return outcome;
        }

        var rows = baseRows.Where(row => row.Name == outcome.Feed.Name).ToList();
        return rows.Count == 0 ? outcome : outcome with { RangesFrom = "base", Ranges = rows };
    }

    private static DatacenterManifest Manifest(
        string version,
        DateTimeOffset builtAt,
        ManifestSource baseSource,
        ProviderOutcome[] outcomes,
        ComposedList composed)
    {
        var rowsByName = composed.Ranges.Ranges.ToLookup(range => range.Name, StringComparer.Ordinal);
        return new DatacenterManifest
        {
            Version = version,
            BuiltAt = builtAt,
            BaseList = baseSource,
            Providers =
            [
                .. outcomes.Select(outcome => new ManifestProvider
                {
                    Id = outcome.Feed.Id,
                    Name = outcome.Feed.Name,
                    Status = outcome.Status,
                    Reason = outcome.Reason,
                    KeptPrevious = outcome.KeptPrevious,
                    RangesFrom = outcome.RangesFrom,
                    PrefixesIPv4 = outcome.PrefixesIPv4,
                    PrefixesIPv6 = outcome.PrefixesIPv6,
                    PrefixesSkipped = outcome.PrefixesSkipped,
                    PrefixesTooLarge = outcome.PrefixesTooLarge,
                    RangesIPv4 = rowsByName[outcome.Feed.Name].Count(range => range.Range.IsIPv4),
                    RangesIPv6 = rowsByName[outcome.Feed.Name].Count(range => !range.Range.IsIPv4),
                    Sources = outcome.Sources,
                }),
            ],
            ContainedRangesDropped = composed.ContainedDropped,
            PartialOverlapsResolved = composed.PartialOverlaps,
            RangesIPv4 = 0,
            RangesIPv6 = 0,
            Files = [],
        };
    }

    // The base list's rows, less those of the providers being fetched (their feeds replace them, as in ipcat);
    // when the base list fails or shrinks too far, the previous list's rows of other names stand in for it.
    private List<DatacenterRange> ChooseHandKeptRows(
        string version,
        PublishedDatacenterList? previous,
        HashSet<string> providerNames,
        ref ManifestSource baseSource,
        List<DatacenterRange>? baseRows)
    {
        var fresh = baseRows?.Where(row => !providerNames.Contains(row.Name)).ToList();
        var kept = previous?.Ranges.Where(row => !providerNames.Contains(row.Name)).ToList();
        if (fresh is not null && kept is { Count: > 0 } && !_options.Force
            && fresh.Count < kept.Count * (1 - _options.MaxShrink))
        {
            baseSource = baseSource with
            {
                Error = $"{fresh.Count} rows against {kept.Count} in the previous list, more than the allowed fall",
            };
            fresh = null;
        }

        if (fresh is not null)
        {
            return fresh;
        }

        if (kept is null)
        {
            var reason = $"the base list {baseSource.Location} cannot be used ({baseSource.Error}) and there is no "
                + "previous list to keep its rows from";
            DatacenterRebuildLog.RebuildRefused(_logger, version, reason);
            throw new DatacenterRebuildException($"The datacenter list {version} was not built: {reason}.");
        }

        DatacenterRebuildLog.BaseListKept(_logger, baseSource.Location, baseSource.Error ?? "unknown", kept.Count);
        return kept;
    }

    private void LogOutcome(ProviderOutcome outcome)
    {
        if (outcome.PrefixesTooLarge > 0)
        {
            DatacenterRebuildLog.PrefixesTooLarge(_logger, outcome.Feed.Name, outcome.PrefixesTooLarge);
        }

        if (outcome.Status is ProviderStatus.Updated or ProviderStatus.NotModified)
        {
            DatacenterRebuildLog.ProviderRead(
                _logger, outcome.Feed.Name, outcome.Status, outcome.PrefixesIPv4, outcome.PrefixesIPv6);
            return;
        }

        DatacenterRebuildLog.ProviderKept(
            _logger,
            outcome.Feed.Name,
            outcome.Status,
            outcome.Reason ?? "unknown",
            outcome.Ranges.Count,
            outcome.RangesFrom);
    }
}
