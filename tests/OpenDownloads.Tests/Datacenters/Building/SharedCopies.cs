using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using OpenDownloads.Datacenters;
using OpenDownloads.Datacenters.Building;
using OpenDownloads.Datacenters.Fetching;
using OpenDownloads.Tests.TestData;

namespace OpenDownloads.Tests.Datacenters.Building;

/// <summary>
/// Rebuilds from the real feed copies in shared/data/providers and ipcat's list as the base, with a fake clock
/// and an HTTP client that refuses every request, so nothing leaves the machine.
/// </summary>
internal static class SharedCopies
{
    public static readonly DateTimeOffset Now = new(2026, 12, 4, 3, 15, 0, TimeSpan.Zero);

    public static string IpcatList => SharedData.Path("ipcat", "datacenters.csv");

    public static DatacenterRebuildOptions Options(Action<DatacenterRebuildOptions>? change = null)
    {
        var options = new DatacenterRebuildOptions
        {
            BaseList = IpcatList,
            FeedDirectory = SharedData.Path("providers"),
        };
        change?.Invoke(options);
        return options;
    }

    public static DatacenterListRebuilder Rebuilder(
        DatacenterRebuildOptions options,
        Func<FeedRequest, FeedResponse?>? fault = null,
        DateTimeOffset? now = null)
    {
        var clock = new FakeTimeProvider(now ?? Now);
        IFeedSource feeds = new DirectoryFeedSource(options.FeedDirectory!, clock);
        if (fault is not null)
        {
            feeds = new FaultyFeedSource(feeds, fault);
        }

        return new DatacenterListRebuilder(options, feeds, new NoNetworkFeedSource(), clock, NullLogger.Instance);
    }

    private sealed class FaultyFeedSource(IFeedSource inner, Func<FeedRequest, FeedResponse?> fault) : IFeedSource
    {
        public async Task<FeedResponse> FetchAsync(FeedRequest request, CancellationToken cancellationToken) =>
            fault(request) ?? await inner.FetchAsync(request, cancellationToken);
    }

    private sealed class NoNetworkFeedSource : IFeedSource
    {
        public Task<FeedResponse> FetchAsync(FeedRequest request, CancellationToken cancellationToken) =>
            throw new InvalidOperationException($"A test asked for {request.Document.Url} over the network.");
    }
}
