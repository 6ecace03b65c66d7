using System.Text.Json.Nodes;

namespace OpenDownloads.Functions.Tests.Deployment;

/// <summary>
/// The values the template gives: identity-based connections, the salt as a Key Vault reference, and the counter
/// registered with the responder as the consumer of that same secret.
/// </summary>
public sealed class AppSettingValuesTests
{
    private static JsonObject Variables => CompiledTemplate.Module("app-settings")["variables"]!.AsObject();

    [Fact]
    public void Counter_Salt_IsAVersionlessKeyVaultReference()
    {
        var salt = (string?)Variables["counting"]!["CountDownloads__Salt"];
        var reference = (string?)Variables["saltReference"];

        Assert.Equal("[variables('saltReference')]", salt);
        Assert.Equal(
            "[format('@Microsoft.KeyVault(SecretUri={0}/{1}/)', variables('secrets'), parameters('ipHashSaltName'))]",
            reference);
        Assert.Equal("[format('{0}secrets', parameters('vaultUri'))]", (string?)Variables["secrets"]);
    }

    [Fact]
    public void Responder_FirstConsumer_IsTheCounterDependingOnTheSaltSecret()
    {
        var consumers = (string?)Variables["consumers"];

        Assert.Contains("createObject('name', 'counter', 'resourceId', parameters('counterId')", consumers,
            StringComparison.Ordinal);
        Assert.Contains("'action', 'RefreshReferences', 'secrets', createArray(parameters('ipHashSaltName'))",
            consumers, StringComparison.Ordinal);
    }

    [Fact]
    public void Main_VaultAndSettings_NameTheSameSaltSecret()
    {
        var modules = CompiledTemplate.Root["resources"]!.AsArray().Select(r => r!.AsObject()).ToList();
        string? SaltName(string module) => (string?)modules.Single(m => (string?)m["name"] == module)
            ["properties"]!["parameters"]!["ipHashSaltName"]!["value"];

        Assert.Equal("[variables('ipHashSaltName')]", SaltName("keyvault"));
        Assert.Equal(SaltName("keyvault"), SaltName("app-settings"));
        Assert.Equal(SaltName("keyvault"), SaltName("roles-keyvault"));
        Assert.Equal("odl-ip-hash-salt", (string?)CompiledTemplate.Root["variables"]!["ipHashSaltName"]);
    }

    [Fact]
    public void BothApps_Connections_AreIdentityBasedAndNoSettingIsAConnectionString()
    {
        var names = CompiledTemplate.AppSettingNames("counter").Concat(CompiledTemplate.AppSettingNames("rotation"));
        var host = Variables["shared"]!;

        Assert.Equal("[parameters('storageAccountName')]", (string?)host["AzureWebJobsStorage__accountName"]);
        Assert.Equal("[parameters('eventHubsNamespace')]",
            (string?)host["CountDownloads__EventHub__fullyQualifiedNamespace"]);
        Assert.Equal("AzureWebJobsStorage", (string?)Variables["counting"]!["CountDownloads__Storage"]);
        Assert.Equal("AzureWebJobsStorage", (string?)Variables["responder"]!["Rotation__StorageConnection"]);
        Assert.Equal("AzureWebJobsStorage", (string?)Variables["datacenters"]!["Datacenters__StorageConnection"]);
        // The one exception holds no key, and the component refuses telemetry not signed with Entra ID.
        Assert.Equal(
            ["APPLICATIONINSIGHTS_CONNECTION_STRING"],
            names.Where(n => n.Contains("CONNECTION", StringComparison.OrdinalIgnoreCase)
                    && !n.EndsWith("StorageConnection", StringComparison.Ordinal))
                .Distinct());
        Assert.DoesNotContain(names, n => n is "AzureWebJobsStorage" or "CountDownloads__EventHub");
    }
}
