using OpenDownloads.Tests.Rotation.Support;

namespace OpenDownloads.Tests.Rotation;

/// <summary>Runs of the actions stage racing each other, as parallel queue messages and instances make them.</summary>
public sealed class RotationConcurrencyAzuriteTests
{
    private const string Version = "0123456789abcdef0123456789abcdef";
    private static readonly TimeSpan Idle = TimeSpan.FromSeconds(31);

    [Fact]
    public async Task RunAsync_SameDueMessageTwiceAtOnce_ActsOnTheConsumerOnce()
    {
        using var sut = ResponderRig.OneSite();
        sut.Arm.Respond = SlowHealthy(TimeSpan.FromMilliseconds(300));
        await sut.DeliverAsync(SampleEvents.KeyVaultNewVersion("db-password", Version));
        await sut.HandleEventsAsync();
        sut.Time.Advance(Idle);

        var due = await ReceiveDueAsync(sut, expected: 1);
        await Task.WhenAll(
            sut.Runner.RunAsync(due[0], CancellationToken.None),
            sut.Runner.RunAsync(due[0], CancellationToken.None));
        await sut.PumpAsync(Idle);

        Assert.Single(sut.Arm.Requests, FakeArm.IsRestart);
    }

    [Fact]
    public async Task RunAsync_TwoConsumersWithOneSlot_NeverActOnBothAtOnce()
    {
        using var sut = new ResponderRig(options =>
        {
            options.MaxConcurrentActions = 1;
            options.Consumers.Add(TestConsumers.Site("api", "Restart", ("kv-prod", "db-password", "Exact")));
            options.Consumers.Add(TestConsumers.Site("worker", "Restart", ("kv-prod", "db-password", "Exact")));
        });
        var inFlight = 0;
        var most = 0;
        sut.Arm.Respond = request =>
        {
            if (!FakeArm.IsRestart(request))
            {
                return FakeArm.Healthy(request);
            }

            var now = Interlocked.Increment(ref inFlight);
            InterlockedMax(ref most, now);
            Thread.Sleep(300);
            Interlocked.Decrement(ref inFlight);
            return CannedResponse.Ok();
        };
        await sut.DeliverAsync(SampleEvents.KeyVaultNewVersion("db-password", Version));
        await sut.HandleEventsAsync();
        sut.Time.Advance(Idle);

        var due = await ReceiveDueAsync(sut, expected: 2);
        await Task.WhenAll(due.Select(body => sut.Runner.RunAsync(body, CancellationToken.None)));
        await sut.PumpAsync(Idle);

        Assert.Equal(2, sut.Arm.Requests.Count(FakeArm.IsRestart));
        Assert.Equal(1, most);
        Assert.Contains(sut.Logs.Entries, entry => entry.EventId == 5102 && entry.Message.Contains("slots", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunAsync_TwoConsumersWithAStagger_StartsTheSecondAfterTheGap()
    {
        using var sut = new ResponderRig(options =>
        {
            options.Stagger = TimeSpan.FromMinutes(5);
            options.Consumers.Add(TestConsumers.Site("api", "Restart", ("kv-prod", "db-password", "Exact")));
            options.Consumers.Add(TestConsumers.Site("worker", "Restart", ("kv-prod", "db-password", "Exact")));
        });
        await sut.DeliverAsync(SampleEvents.KeyVaultNewVersion("db-password", Version));
        await sut.HandleEventsAsync();
        sut.Time.Advance(Idle);

        foreach (var body in await ReceiveDueAsync(sut, expected: 2))
        {
            await sut.Runner.RunAsync(body, CancellationToken.None);
        }

        var afterFirstPass = sut.Arm.Requests.Count(FakeArm.IsRestart);
        await sut.PumpAsync(TimeSpan.FromMinutes(1));

        Assert.Equal(1, afterFirstPass);
        Assert.Equal(2, sut.Arm.Requests.Count(FakeArm.IsRestart));
        Assert.Contains(sut.Logs.Entries, entry => entry.EventId == 5102 && entry.Message.Contains("stagger", StringComparison.Ordinal));
    }

    private static async Task<List<BinaryData>> ReceiveDueAsync(ResponderRig rig, int expected)
    {
        var bodies = new List<BinaryData>();
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (bodies.Count < expected && DateTime.UtcNow < deadline)
        {
            foreach (var message in (await rig.Storage.Actions.ReceiveMessagesAsync(32)).Value)
            {
                bodies.Add(message.Body);
                await rig.Storage.Actions.DeleteMessageAsync(message.MessageId, message.PopReceipt);
            }

            await Task.Delay(100);
        }

        Assert.Equal(expected, bodies.Count);
        return bodies;
    }

    private static Func<RecordedRequest, CannedResponse> SlowHealthy(TimeSpan delay) => request =>
    {
        Thread.Sleep(delay);
        return FakeArm.Healthy(request);
    };

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }
}
