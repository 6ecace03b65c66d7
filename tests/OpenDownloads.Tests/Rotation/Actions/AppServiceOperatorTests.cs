using OpenDownloads.Rotation.Actions;
using OpenDownloads.Rotation.Consumers;
using OpenDownloads.Rotation.Events;
using OpenDownloads.Tests.Rotation.Support;

namespace OpenDownloads.Tests.Rotation.Actions;

public sealed class AppServiceOperatorTests
{
    private static readonly DateTimeOffset Earlier = new(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);
    private static readonly SecretStore Vault = SecretStore.Vault("kv-prod");
    private static readonly SecretChange V1 = new(Vault, "db", "", "v1") { OccurredAt = Earlier };
    private static readonly SecretChange V2 = new(Vault, "db", "", "v2") { OccurredAt = Earlier.AddSeconds(5) };

    [Theory]
    [InlineData("newer first, on the newer", true, true, "v2", "Fresh")]
    [InlineData("older first, on the newer", false, true, "v2", "Fresh")]
    [InlineData("newer first, still on the older", true, true, "v1", "Pending")]
    [InlineData("older first, still on the older", false, true, "v1", "Pending")]
    [InlineData("no event times: either version counts", true, false, "v1", "Fresh")]
    public async Task CheckAsync_TwoVersionsOfOneSecret_ComparesWithTheNewest(
        string reason,
        bool newerFirst,
        bool timed,
        string activeVersion,
        string expected)
    {
        var (v1, v2) = timed ? (V1, V2) : (V1 with { OccurredAt = null }, V2 with { OccurredAt = null });
        SecretChange[] changes = newerFirst ? [v2, v1] : [v1, v2];
        var sut = new AppServiceOperator(new StubArmClient(_ => References(activeVersion)));

        var check = await sut.CheckAsync(Site(), new AppliedAction(ConsumerAction.RefreshReferences), changes, default);

        Assert.True(Enum.Parse<Freshness>(expected) == check.Freshness, $"{reason}: {check.Reason}");
    }

    private static Consumer Site()
    {
        Assert.True(ConsumerResource.TryParse(TestConsumers.Sites + "api", out var site));
        return new Consumer("api", site, ConsumerAction.RefreshReferences, true, []);
    }

    private static BinaryData References(string activeVersion) => BinaryData.FromString($$$"""
        {"value":[{"name":"Db","properties":{"status":"Resolved","vaultName":"kv-prod","secretName":"db",
          "secretVersion":null,"activeVersion":"{{{activeVersion}}}"}}]}
        """);
}
