using System.Text;

namespace OpenDownloads.Tests.Rotation.Support;

/// <summary>Event payloads as Event Grid sends them, in the shapes the reference notes record.</summary>
internal static class SampleEvents
{
    public const string VaultId = "/subscriptions/0000/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/kv-prod";

    /// <summary>A live-style SecretNewVersionCreated event: Event Grid schema, PascalCase data.</summary>
    public static string KeyVaultNewVersion(
        string secret,
        string version,
        string vault = "kv-prod",
        string? extraData = null)
        => $$"""
        {
          "id": "{{Guid.NewGuid()}}",
          "topic": "/subscriptions/0000/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/{{vault}}",
          "subject": "{{secret}}",
          "eventType": "Microsoft.KeyVault.SecretNewVersionCreated",
          "eventTime": "2026-11-30T09:15:04Z",
          "data": {
            "Id": "https://{{vault}}.vault.azure.net/secrets/{{secret}}/{{version}}",
            "VaultName": "{{vault}}",
            "ObjectType": "Secret",
            "ObjectName": "{{secret}}",
            "Version": "{{version}}",
            "NBF": null,
            "EXP": 1796032504{{extraData}}
          },
          "dataVersion": "1",
          "metadataVersion": "1"
        }
        """;

    /// <summary>
    /// The same change as an older doc sample: camelCase keys, a key with a trailing space, string dates.
    /// </summary>
    public static string KeyVaultNewVersionCamelCase(string secret, string version, string vault = "kv-prod") => $$"""
        [{
          "id": "{{Guid.NewGuid()}}",
          "topic": "/subscriptions/0000/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/{{vault}}",
          "subject": "{{secret}}",
          "eventType": "Microsoft.KeyVault.SecretNewVersionCreated",
          "data": {
            "id": "https://{{vault}}.vault.azure.net/secrets/{{secret}}/{{version}}",
            "vaultName": "{{vault}}",
            "objectType": "Secret",
            "objectName ": "{{secret}}",
            "version": " {{version}}",
            "nbf": "1749014400",
            "exp": null
          }
        }]
        """;

    public static string KeyVaultCloudEvent(
        string secret,
        string version,
        string type = "Microsoft.KeyVault.SecretNewVersionCreated")
        => $$"""
        {
          "specversion": "1.0",
          "id": "{{Guid.NewGuid()}}",
          "source": "{{VaultId}}",
          "subject": "{{secret}}",
          "type": "{{type}}",
          "data": { "Id": "https://kv-prod.vault.azure.net/secrets/{{secret}}/{{version}}", "VaultName": "kv-prod",
            "ObjectType": "Secret", "ObjectName": "{{secret}}", "Version": "{{version}}", "NBF": null, "EXP": null }
        }
        """;

    public static string AppConfigurationModified(
        string key,
        string label,
        string etag,
        string store = "appcs-prod")
        => $$"""
        {
          "id": "{{Guid.NewGuid()}}",
          "topic": "/subscriptions/0000/resourceGroups/rg/providers/microsoft.appconfiguration/configurationstores/{{store}}",
          "subject": "https://{{store}}.azconfig.io/kv/{{key}}?label={{label}}",
          "eventType": "Microsoft.AppConfiguration.KeyValueModified",
          "data": { "key": "{{key}}", "label": "{{label}}", "etag": "{{etag}}", "syncToken": "abc=MTIz;sn=123" },
          "dataVersion": "1"
        }
        """;

    public static string SubscriptionValidation(string code) => $$"""
        [{
          "id": "{{Guid.NewGuid()}}",
          "topic": "{{VaultId}}",
          "subject": "",
          "data": { "validationCode": "{{code}}", "validationUrl": "https://rp-westeurope.eventgrid.azure.net/validate?id=1" },
          "eventType": "Microsoft.EventGrid.SubscriptionValidationEvent",
          "eventTime": "2026-11-30T09:00:00Z",
          "metadataVersion": "1",
          "dataVersion": "2"
        }]
        """;

    public static string Base64(string json) => Convert.ToBase64String(Encoding.UTF8.GetBytes(json));
}
