using Microsoft.Extensions.Configuration;
using OpenDownloads.Rotation.Configuration;
using OpenDownloads.Rotation.Events;

namespace OpenDownloads.Functions.Tests.Deployment;

/// <summary>
/// rotationConsumers evaluated by `bicep snapshot`: secrets and App Configuration keys become DependsOn entries the
/// responder's own configuration reader accepts, and each consumer gets the role its kind needs.
/// </summary>
public sealed class RotationConsumersSnapshotTests
{
    private const string OtherGroup = "/subscriptions/11111111-1111-1111-1111-111111111111/resourceGroups/apps";
    private const string Site = OtherGroup + "/providers/Microsoft.Web/sites/feed-api";
    private const string ContainerApp = OtherGroup + "/providers/Microsoft.App/containerApps/transcoder";
    private const string WebsiteContributor = "de139f84-1756-47ae-9be6-808fbbe84772";
    private const string ContainerAppsContributor = "358470bc-b998-42bd-ab17-a7e34c199c0f";

    private static readonly Lazy<DeploymentSnapshot> Snapshot = new(() => DeploymentSnapshot.Of(
        "param deployAppConfiguration = true",
        "param rotationConsumers = [",
        $"  {{ name: 'feed-api', resourceId: '{Site}', secrets: ['feed-key'], keys: [",
        "    { key: 'Feed:ApiKey', label: 'prod' }",
        "    { key: 'Feed:Other' }",
        "  ] }",
        $"  {{ name: 'transcoder', resourceId: '{ContainerApp}', action: 'NewRevision', keys: [",
        "    { key: 'Transcoder:Bitrates', label: '' }",
        "  ] }",
        "]"));

    [Fact]
    public void Snapshot_ConsumerKeys_AreDependenciesOnTheTemplatesStoreAfterTheSecrets()
    {
        var sut = ReadRotationSettings();

        var store = (string)Assert.Single(Snapshot.Value.OfType("Microsoft.AppConfiguration/configurationStores"))
            ["name"]!;
        var feed = sut.Consumers.All.Single(c => c.Name == "feed-api");
        Assert.Equal(3, feed.Dependencies.Count);
        Assert.Equal(SecretStoreKind.KeyVault, feed.Dependencies[0].Store.Kind);
        Assert.Equal("feed-key", feed.Dependencies[0].Name);
        Assert.Equal(SecretStore.AppConfiguration(store), feed.Dependencies[1].Store);
        Assert.Equal(("Feed:ApiKey", "prod"), (feed.Dependencies[1].Name, feed.Dependencies[1].Label));
        Assert.Equal(("Feed:Other", (string?)null), (feed.Dependencies[2].Name, feed.Dependencies[2].Label));
    }

    [Fact]
    public void Snapshot_KeyWithEmptyLabel_MatchesTheUnlabelledKeyValueOnly()
    {
        var sut = ReadRotationSettings();

        var transcoder = sut.Consumers.All.Single(c => c.Name == "transcoder");
        var key = Assert.Single(transcoder.Dependencies);
        Assert.Equal(SecretStoreKind.AppConfiguration, key.Store.Kind);
        Assert.Equal(("Transcoder:Bitrates", string.Empty), (key.Name, key.Label));
    }

    [Theory]
    [InlineData(Site, WebsiteContributor)]
    [InlineData(ContainerApp, ContainerAppsContributor)]
    public void Snapshot_Consumer_GetsTheRoleOfItsKindOnItselfOnly(string consumer, string role)
    {
        var sut = Snapshot.Value.OfType("Microsoft.Authorization/roleAssignments")
            .Where(r => ((string)r["id"]!).Contains(consumer + "'", StringComparison.Ordinal))
            .ToList();

        var assignment = Assert.Single(sut);
        Assert.EndsWith(role, (string?)assignment["properties"]!["roleDefinitionId"], StringComparison.Ordinal);
    }

    /// <summary>The responder's consumers as its own reader takes them from the evaluated app settings.</summary>
    private static RotationSettings ReadRotationSettings()
    {
        var settings = Snapshot.Value.AppSettings("rotation")
            .Where(s => s.Key.StartsWith("Rotation__Consumers__", StringComparison.Ordinal)
                || s.Key == "Rotation__SelfResourceId")
            .Select(s => KeyValuePair.Create(s.Key.Replace("__", ":", StringComparison.Ordinal), s.Value));
        return RotationConfiguration.Read(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
    }
}
