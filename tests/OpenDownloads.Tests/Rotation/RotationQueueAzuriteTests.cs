using OpenDownloads.Tests.Rotation.Support;

namespace OpenDownloads.Tests.Rotation;

/// <summary>
/// The queue path end to end: real Azurite queues and table, the loopback ARM stand-in, a fake clock.
/// </summary>
public sealed class RotationQueueAzuriteTests
{
    private const string Version = "0123456789abcdef0123456789abcdef";
    private static readonly TimeSpan Idle = TimeSpan.FromSeconds(31);

    [Fact]
    public async Task Pump_SameEventDeliveredThreeTimesAsBase64_RestartsEachMatchingConsumerOnce()
    {
        using var sut = new ResponderRig(options =>
        {
            options.Consumers.Add(TestConsumers.Site("api", "Restart", ("kv-prod", "db-password", "Exact")));
            options.Consumers.Add(TestConsumers.Site("worker", "Restart", ("kv-prod", "db-", "Prefix")));
            options.Consumers.Add(TestConsumers.Site("unrelated", "Restart", ("kv-prod", "smtp-password", "Exact")));
        });
        var change = SampleEvents.KeyVaultNewVersion("db-password", Version);

        await sut.DeliverAsync(change, times: 3);
        await sut.PumpAsync(Idle);

        var restarts = sut.Arm.Requests.Where(FakeArm.IsRestart).Select(request => request.Path).Order().ToList();
        Assert.Equal([TestConsumers.Sites + "api/restart", TestConsumers.Sites + "worker/restart"], restarts);
    }

    [Fact]
    public async Task Pump_RedeliveryAfterTheActionRan_DoesNotRestartAgain()
    {
        using var sut = ResponderRig.OneSite();
        var change = SampleEvents.KeyVaultNewVersion("db-password", Version);

        await sut.DeliverAsync(change);
        await sut.PumpAsync(Idle);
        await sut.DeliverAsync(change);
        await sut.PumpAsync(Idle);

        Assert.Single(sut.Arm.Requests, FakeArm.IsRestart);
        Assert.Equal(1, sut.Logs.Count(5007));
    }

    [Fact]
    public async Task Pump_CamelCaseCopyOfTheEvent_IsUnderstoodAsTheSameChange()
    {
        using var sut = ResponderRig.OneSite();

        await sut.DeliverAsync(SampleEvents.KeyVaultNewVersion("db-password", Version));
        await sut.DeliverAsync(SampleEvents.KeyVaultNewVersionCamelCase("db-password", Version));
        await sut.PumpAsync(Idle);

        Assert.Single(sut.Arm.Requests, FakeArm.IsRestart);
        Assert.Equal(0, sut.Logs.Count(5003));
    }

    [Fact]
    public async Task Pump_CamelCaseEventAlone_RestartsTheConsumer()
    {
        using var sut = ResponderRig.OneSite();

        await sut.DeliverAsync(SampleEvents.KeyVaultNewVersionCamelCase("db-password", Version));
        await sut.PumpAsync(Idle);

        Assert.Single(sut.Arm.Requests, FakeArm.IsRestart);
    }

    [Fact]
    public async Task Pump_EventForUnconfiguredVault_ChangesNothing()
    {
        using var sut = ResponderRig.OneSite();

        await sut.DeliverAsync(SampleEvents.KeyVaultNewVersion("db-password", Version, vault: "kv-other"));
        await sut.PumpAsync(Idle);

        Assert.Empty(sut.Arm.Requests);
        Assert.Equal(0, await sut.CountLedgerRowsAsync());
        Assert.Equal(1, sut.Logs.Count(5002));
    }

    [Fact]
    public async Task Pump_ThreeSecretsOfOneConsumerWithinTheDebounceWindow_GiveOneAction()
    {
        using var sut = new ResponderRig(options => options.Consumers.Add(TestConsumers.Site(
            "api", "Restart", ("kv-prod", "db-password", "Exact"), ("kv-prod", "storage-key", "Exact"), ("kv-prod", "smtp-password", "Exact"))));

        foreach (var secret in new[] { "db-password", "storage-key", "smtp-password" })
        {
            await sut.DeliverAsync(SampleEvents.KeyVaultNewVersion(secret, Version));
            await sut.HandleEventsAsync();
            sut.Time.Advance(TimeSpan.FromSeconds(10));
        }

        await sut.PumpAsync(Idle);

        Assert.Single(sut.Arm.Requests, FakeArm.IsRestart);
        Assert.Equal(3, await sut.CountLedgerRowsAsync());
    }

    [Fact]
    public async Task Pump_SecondChangeAfterTheWindowClosed_GivesASecondAction()
    {
        using var sut = new ResponderRig(options => options.Consumers.Add(TestConsumers.Site(
            "api", "Restart", ("kv-prod", "db-password", "Exact"), ("kv-prod", "storage-key", "Exact"))));

        await sut.DeliverAsync(SampleEvents.KeyVaultNewVersion("db-password", Version));
        await sut.PumpAsync(Idle);
        await sut.DeliverAsync(SampleEvents.KeyVaultNewVersion("storage-key", Version));
        await sut.PumpAsync(Idle);

        Assert.Equal(2, sut.Arm.Requests.Count(FakeArm.IsRestart));
    }

    [Fact]
    public async Task Pump_DisabledConsumer_IsSkipped()
    {
        using var sut = new ResponderRig(options =>
        {
            var consumer = TestConsumers.Site("api", "Restart", ("kv-prod", "db-password", "Exact"));
            consumer.Enabled = false;
            options.Consumers.Add(consumer);
        });

        await sut.DeliverAsync(SampleEvents.KeyVaultNewVersion("db-password", Version));
        await sut.PumpAsync(Idle);

        Assert.Empty(sut.Arm.Requests);
        Assert.Equal(1, sut.Logs.Count(5006));
    }
}
