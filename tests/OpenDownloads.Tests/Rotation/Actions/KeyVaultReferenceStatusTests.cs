using OpenDownloads.Rotation.Actions;
using OpenDownloads.Rotation.Events;

namespace OpenDownloads.Tests.Rotation.Actions;

public sealed class KeyVaultReferenceStatusTests
{
    private static readonly SecretChange Change = new(SecretStore.Vault("kv-prod"), "db-password", "", "v2");

    // Every value of App Service's documented ResolveStatus, plus what an undocumented one gets.
    [Theory]
    [InlineData("resolved on the new version", "Resolved", "v2", "Fresh")]
    [InlineData("resolved, no version shown", "Resolved", null, "Fresh")]
    [InlineData("resolved on the old version: still refreshing", "Resolved", "v1", "Pending")]
    [InlineData("still initialising", "Initialized", null, "Pending")]
    [InlineData("a malformed reference: only editing the setting fixes it", "InvalidSyntax", null, "Blocked")]
    [InlineData("no managed identity: no restart fixes it", "MSINotEnabled", null, "Blocked")]
    [InlineData("the vault is gone or misnamed", "VaultNotFound", null, "Blocked")]
    [InlineData("the secret is gone: no restart fixes it", "SecretNotFound", null, "Blocked")]
    [InlineData("the version is gone", "SecretVersionNotFound", null, "Blocked")]
    [InlineData("the identity lost access: no restart fixes it", "AccessToKeyVaultDenied", null, "Blocked")]
    [InlineData("the identity is not authorised as a client", "UnauthorizedClient", null, "Blocked")]
    [InlineData("status casing differs", "accesstokeyvaultdenied", null, "Blocked")]
    [InlineData("a timeout may pass", "FetchTimedOut", null, "Stale")]
    [InlineData("an unspecified failure may pass", "OtherReasons", null, "Stale")]
    [InlineData("an undocumented status is not taken as permanent", "ManagedIdentityNotFound", null, "Stale")]
    [InlineData("nor is one merely naming a denial", "SomethingDenied", null, "Stale")]
    public void Check_Status_GivesFreshness(string reason, string status, string? activeVersion, string expected)
    {
        var sut = new KeyVaultReferenceStatus("DbPassword", "kv-prod", "db-password", null, activeVersion, status);

        Assert.True(Enum.Parse<Freshness>(expected) == sut.Check(Change).Freshness, reason);
    }

    [Fact]
    public void Refers_PinnedVersion_DoesNotFollowTheChange()
    {
        var sut = new KeyVaultReferenceStatus("DbPassword", "kv-prod", "db-password", "v1", "v1", "Resolved");

        Assert.False(sut.Refers(Change));
    }

    public static TheoryData<string, string> UnreadableAnswers => new()
    {
        { "an HTML page from a proxy", "<html><body>Bad gateway</body></html>" },
        { "a null list", """{"value":null}""" },
        { "no list at all", "{}" },
        { "an item whose properties are null", """{"value":[{"name":"DbPassword","properties":null}]}""" },
        { "a null item", """{"value":[null]}""" },
    };

    [Theory]
    [MemberData(nameof(UnreadableAnswers))]
    public void ReadAll_UnreadableAnswer_ThrowsInvalidDataException(string reason, string body)
    {
        Assert.True(Record.Exception(() => KeyVaultReferenceStatus.ReadAll(BinaryData.FromString(body))) is InvalidDataException, reason);
    }

    [Fact]
    public void ReadAll_EmptyList_IsNoReferences()
    {
        Assert.Empty(KeyVaultReferenceStatus.ReadAll(BinaryData.FromString("""{"value":[]}""")));
    }

    [Fact]
    public void ReadAll_ArmResponse_ReadsEveryItem()
    {
        var body = BinaryData.FromString("""
            {"value":[{"id":"/x","name":"DbPassword","type":"Microsoft.Web/sites/config/configreferences",
              "properties":{"reference":"@Microsoft.KeyVault(VaultName=kv-prod;SecretName=db-password)","status":"Resolved",
                "vaultName":"kv-prod","secretName":"db-password","secretVersion":null,"activeVersion":"v2","identityType":{"type":"SystemAssigned"}}}]}
            """);

        var sut = Assert.Single(KeyVaultReferenceStatus.ReadAll(body));

        Assert.Equal(new KeyVaultReferenceStatus("DbPassword", "kv-prod", "db-password", null, "v2", "Resolved"), sut);
    }
}
