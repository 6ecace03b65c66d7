using Microsoft.Extensions.Logging.Abstractions;
using OpenDownloads.Rotation.Actions;
using OpenDownloads.Rotation.Configuration;
using OpenDownloads.Rotation.Consumers;
using OpenDownloads.Rotation.Events;
using OpenDownloads.Tests.Rotation.Support;

namespace OpenDownloads.Tests.Rotation.Actions;

public sealed class ActionExecutorTests
{
    private static readonly SecretChange Change = new(SecretStore.Vault("kv-prod"), "db", "", "v2");

    [Theory]
    [InlineData(1, "still pending after 1 read: ")]
    [InlineData(3, "still pending after 3 reads: ")]
    public async Task RunAsync_StillPendingAtTheTop_CountsTheReadsInGoodEnglish(int reads, string expected)
    {
        var arm = new StubArmClient(_ => BinaryData.FromString(
            """{"value":[{"name":"Db","properties":{"vaultName":"kv-prod","secretName":"db","activeVersion":"v1","status":"Resolved"}}]}"""));
        var settings = new RotationSettings { VerifyAttempts = reads, VerifyDelay = TimeSpan.Zero };
        var sut = new ActionExecutor(
            new AppServiceOperator(arm), new ContainerAppOperator(arm, TimeProvider.System), settings, TimeProvider.System, NullLogger<ActionExecutor>.Instance);
        Assert.True(ConsumerResource.TryParse(TestConsumers.Sites + "api", out var site));
        var consumer = new Consumer("api", site, ConsumerAction.Restart, true, []);

        var outcome = await sut.RunAsync(consumer, [Change], new ActionProgress(ConsumerAction.Restart), default);

        Assert.Equal(Freshness.Stale, outcome.Check.Freshness);
        Assert.StartsWith(expected, outcome.Check.Reason, StringComparison.Ordinal);
    }
}
