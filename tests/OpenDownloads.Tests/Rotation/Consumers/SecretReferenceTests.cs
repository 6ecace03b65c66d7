using OpenDownloads.Rotation.Consumers;

namespace OpenDownloads.Tests.Rotation.Consumers;

public sealed class SecretReferenceTests
{
    public static TheoryData<string, string, string?, string?> References => new()
    {
        { "a bare name", "db-password", null, "db-password" },
        { "a secret URI with a trailing slash", "https://kv-prod.vault.azure.net/secrets/db-password/", "kv-prod", "db-password" },
        { "a secret URI with a version, which is dropped", "https://kv-prod.vault.azure.net/secrets/db-password/0123", "kv-prod", "db-password" },
        { "an App Service reference by SecretUri", "@Microsoft.KeyVault(SecretUri=https://kv-prod.vault.azure.net/secrets/db-password/)", "kv-prod", "db-password" },
        { "an App Service reference by names", "@Microsoft.KeyVault(VaultName=kv-prod;SecretName=db-password;SecretVersion=1)", "kv-prod", "db-password" },
        { "names without the wrapper", "VaultName=kv-prod; SecretName=db-password", "kv-prod", "db-password" },
        { "a URI that names no secret", "https://kv-prod.vault.azure.net/keys/k", "kv-prod", null },
    };

    [Theory]
    [MemberData(nameof(References))]
    public void Parse_Reference_ReturnsVaultAndName(string reason, string text, string? vault, string? name)
    {
        var sut = SecretReference.Parse(text);

        Assert.True((vault, name) == sut, $"{reason}: got {sut}.");
    }
}
