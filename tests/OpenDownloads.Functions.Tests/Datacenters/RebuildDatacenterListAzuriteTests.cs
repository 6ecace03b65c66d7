using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using OpenDownloads.Datacenters.Building;
using OpenDownloads.Datacenters.Publishing;
using OpenDownloads.Datacenters;
using OpenDownloads.Functions.Datacenters;
using OpenDownloads.Tests.Datacenters;
using OpenDownloads.Tests.TestData;

namespace OpenDownloads.Functions.Tests.Datacenters;

/// <summary>
/// The timer function called directly with a <see cref="TimerInfo"/>, publishing to Azurite from a feed server
/// on 127.0.0.1 that serves the real feed copies.
/// </summary>
public sealed class RebuildDatacenterListAzuriteTests : IAsyncLifetime, IDisposable
{
    private readonly FeedServer _server = new();
    private readonly HttpClient _http = new();
    private readonly ListLogger _log = new();
    private readonly TestContainer _container = AzuriteStorage.CreateContainer();

    [Fact]
    public async Task RunAsync_OnSchedule_PublishesTheListAndLogsOneSummary()
    {
        var sut = Function(Options());

        await sut.RunAsync(new TimerInfo(), CancellationToken.None);

        var latest = await Publisher().ReadLatestAsync(CancellationToken.None);
        Assert.NotNull(latest);
        var summary = Assert.Single(_log.Entries, entry => entry.EventId == 3300);
        Assert.Contains($"version {latest.Version}, latest moved True", summary.Message, StringComparison.Ordinal);
        Assert.Contains("past due False", summary.Message, StringComparison.Ordinal);
        Assert.Contains(latest.List!.Ranges, range => range.Name == "Amazon AWS" && !range.Range.IsIPv4);
    }

    [Fact]
    public async Task RunAsync_PastDue_SaysSoAndStillPublishes()
    {
        var sut = Function(Options());
        var timer = new TimerInfo
        {
            IsPastDue = true,
            ScheduleStatus = new ScheduleStatus { Last = new DateTime(2026, 12, 3, 3, 15, 0, DateTimeKind.Utc) },
        };

        await sut.RunAsync(timer, CancellationToken.None);

        Assert.Contains(_log.Entries, entry => entry.EventId == 3302 && entry.Level == LogLevel.Warning
            && entry.Message.Contains("2026-12-03T03:15:00", StringComparison.Ordinal));
        Assert.Contains("past due True", Assert.Single(_log.Entries, entry => entry.EventId == 3300).Message, StringComparison.Ordinal);
        Assert.NotNull(await Publisher().ReadLatestAsync(CancellationToken.None));
    }

    [Fact]
    public async Task RunAsync_FeedFailsOnTheNextRun_PublishesWithThePreviousRangesAndNamesTheProvider()
    {
        await Function(Options()).RunAsync(new TimerInfo(), CancellationToken.None);
        var first = await Publisher().ReadLatestAsync(CancellationToken.None);
        _server.Inject("gcp-cloud.json", new FeedFault.Status(500));

        await Function(Options()).RunAsync(new TimerInfo(), CancellationToken.None);

        var second = await Publisher().ReadLatestAsync(CancellationToken.None);
        Assert.NotEqual(first!.Version, second!.Version);
        Assert.Equal(first.List!.Ranges.Where(r => r.Name == "Google Cloud"), second.List!.Ranges.Where(r => r.Name == "Google Cloud"));
        var google = second.List.Manifest!.Providers.Single(p => p.Id == "google-cloud");
        Assert.Equal(("failed", "HTTP 500", true), (google.Status, google.Reason, google.KeptPrevious));
        Assert.Matches(@"kept \[[a-z,-]*google-cloud", _log.Entries.Last(entry => entry.EventId == 3300).Message);
    }

    [Fact]
    public async Task RunAsync_NoBaseListAndNothingPublished_LogsTheFailureAndFailsTheRun()
    {
        var sut = Function(Options(o => o.BaseList = Path.Combine(Path.GetTempPath(), "odl-missing-base.csv")));

        await Assert.ThrowsAsync<DatacenterRebuildException>(() => sut.RunAsync(new TimerInfo(), CancellationToken.None));

        Assert.Contains(_log.Entries, entry => entry.EventId == 3301 && entry.Level == LogLevel.Error);
        Assert.Null(await Publisher().ReadLatestAsync(CancellationToken.None));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _container.DisposeAsync();

    public void Dispose()
    {
        _http.Dispose();
        _server.Dispose();
    }

    private DatacenterRebuildOptions Options(Action<DatacenterRebuildOptions>? change = null)
    {
        var options = new DatacenterRebuildOptions
        {
            BaseList = SharedData.Path("ipcat", "datacenters.csv"),
            FeedBaseUrl = _server.BaseUrl,
            FeedAttempts = 2,
            RetryDelay = TimeSpan.FromMilliseconds(10),
            FeedTimeout = TimeSpan.FromSeconds(10),
            Container = _container.Client.Name,
        };
        change?.Invoke(options);
        return options;
    }

    private RebuildDatacenterList Function(DatacenterRebuildOptions options)
    {
        var job = DatacenterPublishJob.Create(options, AzuriteStorage.CreateServiceClient(), _http, TimeProvider.System, _log);
        return new RebuildDatacenterList(job, new TypedLogger<RebuildDatacenterList>(_log));
    }

    private DatacenterListPublisher Publisher() => new(_container.Client, 30, _log);

    private sealed class TypedLogger<T>(ILogger inner) : ILogger<T>
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => inner.BeginScope(state);

        public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

        public void Log<TState>(
            LogLevel logLevel,
            EventId eventId,
            TState state,
            Exception? exception,
            Func<TState, Exception?, string> formatter) => inner.Log(logLevel, eventId, state, exception, formatter);
    }
}
