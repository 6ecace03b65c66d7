using OpenDownloads.Rotation.Coordination;
using OpenDownloads.Rotation.Events;
using OpenDownloads.Tests.Rotation.Support;

namespace OpenDownloads.Tests.Rotation.Coordination;

/// <summary>The table-backed concurrency slots, stagger gate and batches, on Azurite.</summary>
public sealed class CoordinationAzuriteTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);
    private readonly RotationStorage _storage;

    public CoordinationAzuriteTests()
    {
        _storage = Azurite.NewStorage(out var events);
        events.DeleteIfExists();
    }

    public Task InitializeAsync() => _storage.EnsureCreatedAsync(CancellationToken.None);

    public async Task DisposeAsync()
    {
        await _storage.Table.DeleteAsync();
        await _storage.Actions.DeleteIfExistsAsync();
        await _storage.Poison.DeleteIfExistsAsync();
    }

    [Fact]
    public async Task TryAcquireAsync_AllSlotsHeld_ReturnsNullUntilOneIsReleased()
    {
        var sut = new ActionSlots(_storage.Table, count: 2);

        var first = await sut.TryAcquireAsync("a", Now, TimeSpan.FromMinutes(10), CancellationToken.None);
        var second = await sut.TryAcquireAsync("b", Now, TimeSpan.FromMinutes(10), CancellationToken.None);
        var third = await sut.TryAcquireAsync("c", Now, TimeSpan.FromMinutes(10), CancellationToken.None);
        await sut.ReleaseAsync(first!, "a", Now, CancellationToken.None);
        var fourth = await sut.TryAcquireAsync("d", Now, TimeSpan.FromMinutes(10), CancellationToken.None);

        Assert.NotEqual(first, second);
        Assert.Null(third);
        Assert.Equal(first, fourth);
    }

    [Fact]
    public async Task TryAcquireAsync_HolderCrashedAndLeaseEnded_TakesTheSlot()
    {
        var sut = new ActionSlots(_storage.Table, count: 1);

        await sut.TryAcquireAsync("crashed", Now, TimeSpan.FromMinutes(10), CancellationToken.None);
        var during = await sut.TryAcquireAsync("b", Now.AddMinutes(5), TimeSpan.FromMinutes(10), CancellationToken.None);
        var after = await sut.TryAcquireAsync("b", Now.AddMinutes(11), TimeSpan.FromMinutes(10), CancellationToken.None);

        Assert.Null(during);
        Assert.Equal("0", after);
    }

    [Fact]
    public async Task ConcurrentAcquires_OneSlot_OnlyOneWins()
    {
        var sut = new ActionSlots(_storage.Table, count: 1);

        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(holder =>
            sut.TryAcquireAsync($"h{holder}", Now, TimeSpan.FromMinutes(10), CancellationToken.None)));

        Assert.Single(results, slot => slot is not null);
    }

    [Fact]
    public async Task TryPassAsync_TwoStartsWithinTheStagger_SecondWaitsTheRest()
    {
        var sut = new StaggerGate(_storage.Table, TimeSpan.FromSeconds(30));

        var first = await sut.TryPassAsync(Now, CancellationToken.None);
        var second = await sut.TryPassAsync(Now.AddSeconds(10), CancellationToken.None);
        var third = await sut.TryPassAsync(Now.AddSeconds(31), CancellationToken.None);

        Assert.Equal(TimeSpan.Zero, first);
        Assert.Equal(TimeSpan.FromSeconds(20), second);
        Assert.Equal(TimeSpan.Zero, third);
    }

    [Fact]
    public async Task AddAsync_ConcurrentChangesForOneConsumer_OpenOneBatchHoldingAll()
    {
        var sut = new ConsumerBatchStore(_storage.Table);
        var changes = Enumerable.Range(0, 5).Select(index => new SecretChange(SecretStore.Vault("kv"), $"s{index}", "", "v")).ToList();

        var joins = await Task.WhenAll(changes.Select(change => sut.AddAsync("api", [change], Now, TimeSpan.FromMinutes(1), CancellationToken.None)));
        var batch = await sut.GetAsync("api", CancellationToken.None);

        Assert.Single(joins, join => join.Opened);
        Assert.Equal(changes.Select(change => change.Key).Order(), ChangeListJson.Read(batch!.Changes).Select(change => change.Key).Order());
    }
}
