using Azure.Data.Tables;
using OpenDownloads.Streaming.Days;
using OpenDownloads.Streaming.Groups;
using OpenDownloads.Tests.TestData;

namespace OpenDownloads.Tests.Streaming.Groups;

/// <summary>Segment rows at Table storage's entity limits, written to and read back from Azurite.</summary>
[Collection(AzuriteSerial.Name)]
public sealed class GroupStoreAzuriteTests : IAsyncLifetime
{
    private static readonly StreamDay Day = new(1_663_632_000);

    private readonly TableClient _table = AzuriteStorage.Tables().GetTableClient(AzuriteStorage.UniqueName("g"));

    public async Task InitializeAsync() => await _table.CreateIfNotExistsAsync();

    public async Task DisposeAsync() => await _table.DeleteAsync();

    [Fact]
    public async Task MergeAsync_GroupsFillingMoreThanOneFullRow_AreStoredAndReadBackMerged()
    {
        // 60 groups of about 30,000 characters fill one row to its last bytes and spill into a second; one of them
        // has a user agent longer than a 64 KiB property could hold as text.
        var groups = Enumerable.Range(0, 60).ToDictionary(
            i => new GroupKey(Day, $"ip{i}", new string((char)('a' + (i % 26)), i == 7 ? 70_000 : 30_000), "/ep.mp3"),
            i => new GroupState(i % 2 == 0, 1000 + i, "r"));
        var sut = new GroupStore(_table, new GroupCache(1000));

        var added = await sut.MergeAsync(groups, CancellationToken.None);
        var read = await sut.ReadAllAsync(Day, CancellationToken.None);
        var rows = await _table.QueryAsync<TableEntity>().ToListAsync();

        Assert.Equal(30, added);
        Assert.Equal(2, rows.Count);
        Assert.Equal(
            groups.Select(g => (g.Key.EncodedIp, g.Key.UserAgent, g.Value)).OrderBy(g => g.EncodedIp),
            read.Select(g => (g.EncodedIp, g.UserAgent, g.State)).OrderBy(g => g.EncodedIp));
    }

    [Fact]
    public async Task MergeAsync_StatesOfTheSameGroupFromTwoInstances_ReadBackAsTheirMerge()
    {
        var key = new GroupKey(Day, "ip", "Overcast/3.0", "/ep.mp3");
        var first = new GroupStore(_table, new GroupCache(1000));
        var second = new GroupStore(_table, new GroupCache(1000));

        await first.MergeAsync(new Dictionary<GroupKey, GroupState> { [key] = new(false, 500, "b") }, default);
        await second.MergeAsync(new Dictionary<GroupKey, GroupState> { [key] = new(true, 900, "c") }, default);
        await first.MergeAsync(new Dictionary<GroupKey, GroupState> { [key] = new(false, 500, "a") }, default);
        var read = Assert.Single(await first.ReadAllAsync(Day, CancellationToken.None));

        Assert.Equal(new GroupState(true, 500, "a"), read.State);
    }

    [Fact]
    public async Task MergeAsync_GroupAlreadyStoredByThisInstance_WritesNoRow()
    {
        var key = new GroupKey(Day, "ip", "Overcast/3.0", "/ep.mp3");
        var sut = new GroupStore(_table, new GroupCache(1000));
        await sut.MergeAsync(new Dictionary<GroupKey, GroupState> { [key] = new(true, 500, "a") }, default);

        var added = await sut.MergeAsync(
            new Dictionary<GroupKey, GroupState> { [key] = new(false, 600, "z") }, default);
        var rows = await _table.QueryAsync<TableEntity>().ToListAsync();

        Assert.Equal(0, added);
        Assert.Single(rows);
    }
}
