using OpenDownloads.Rotation.Consumers;
using OpenDownloads.Rotation.Events;

namespace OpenDownloads.Tests.Rotation.Consumers;

public sealed class DependencyTests
{
    private static readonly SecretStore Vault = SecretStore.Vault("kv-prod");
    private static readonly SecretStore Store = SecretStore.AppConfiguration("appcs-prod");

    private static readonly Dictionary<string, (
        Dependency Dependency,
        SecretChange Change,
        bool Expected)> Cases = new()
    {
        ["exact name"] = (new(Vault, "db", null, NameMatch.Exact), new(Vault, "db", "", "v"), true),
        ["exact does not take a longer name"] = (new(Vault, "db", null, NameMatch.Exact), new(Vault, "db-replica", "", "v"), false),
        ["prefix takes a longer name"] = (new(Vault, "db-", null, NameMatch.Prefix), new(Vault, "db-replica", "", "v"), true),
        ["substring takes a name that contains it"] = (new(Vault, "replica", null, NameMatch.Substring), new(Vault, "db-replica-2", "", "v"), true),
        ["secret names ignore case"] = (new(Vault, "db", null, NameMatch.Exact), new(Vault, "DB", "", "v"), true),
        ["another vault never matches"] = (new(Vault, "db", null, NameMatch.Substring), new(SecretStore.Vault("kv-test"), "db", "", "v"), false),
        ["App Configuration keys are case-sensitive"] = (new(Store, "Feeds:Token", null, NameMatch.Exact), new(Store, "feeds:token", "", "e"), false),
        ["no label in the dependency takes any label"] = (new(Store, "A", null, NameMatch.Exact), new(Store, "A", "prod", "e"), true),
        ["a label must match exactly"] = (new(Store, "A", "prod", NameMatch.Exact), new(Store, "A", "test", "e"), false),
        ["an empty label takes only the unlabelled value"] = (new(Store, "A", "", NameMatch.Exact), new(Store, "A", "prod", "e"), false),
        ["a vault dependency never takes a store change"] = (new(Vault, "A", null, NameMatch.Exact), new(Store, "A", "", "e"), false),
    };

    public static TheoryData<string> Reasons => [.. Cases.Keys];

    [Theory]
    [MemberData(nameof(Reasons))]
    public void Matches_Change_FollowsTheMatchMode(string reason)
    {
        var (sut, change, expected) = Cases[reason];

        Assert.True(expected == sut.Matches(change), reason);
    }
}
