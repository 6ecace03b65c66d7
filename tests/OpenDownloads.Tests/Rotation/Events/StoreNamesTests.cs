using OpenDownloads.Rotation.Events;

namespace OpenDownloads.Tests.Rotation.Events;

public sealed class StoreNamesTests
{
    public static TheoryData<string, string, string?> VaultTexts => new()
    {
        { "bare name, lower-cased", "KV-Prod", "kv-prod" },
        { "ARM id (Event Grid topic)", "/subscriptions/0/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/kv-prod", "kv-prod" },
        { "ARM id in other casing", "/SUBSCRIPTIONS/0/resourcegroups/rg/providers/microsoft.keyvault/VAULTS/kv-prod", "kv-prod" },
        { "vault URI", "https://kv-prod.vault.azure.net/", "kv-prod" },
        { "secret URI in another cloud", "https://kv-prod.vault.azure.cn/secrets/a/b", "kv-prod" },
        { "a URI that is not a vault", "https://example.org/", null },
        { "empty", "", null },
    };

    [Theory]
    [MemberData(nameof(VaultTexts))]
    public void VaultName_Text_ReturnsTheLowerCaseName(string reason, string text, string? expected)
    {
        var sut = StoreNames.VaultName(text);

        Assert.True(expected == sut, $"{reason}: expected '{expected}', got '{sut}'.");
    }

    [Theory]
    [InlineData("/subscriptions/0/resourceGroups/rg/providers/microsoft.appconfiguration/configurationstores/appcs-prod")]
    [InlineData("https://appcs-prod.azconfig.io/kv/Feeds:Token?label=prod")]
    [InlineData("appcs-prod")]
    public void AppConfigurationName_IdEndpointOrName_ReturnsTheStore(string text)
    {
        Assert.Equal("appcs-prod", StoreNames.AppConfigurationName(text));
    }
}
