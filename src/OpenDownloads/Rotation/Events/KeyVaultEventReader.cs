using System.Text.Json;

namespace OpenDownloads.Rotation.Events;

/// <summary>
/// Completes a Key Vault secret event: the vault from data.VaultName, the topic (an ARM id) or data.Id (a URI);
/// the name from data.ObjectName or the subject (a bare name); the version from data.Version or data.Id.
/// </summary>
internal static class KeyVaultEventReader
{
    public static RotationEvent Complete(RotationEvent header, string? topic, string? subject, JsonElement? data)
    {
        var secretId = data is { } d ? JsonFields.Text(d, "Id") : null;
        var idParts = SecretIdParts(secretId);
        var vault = StoreNames.VaultName(data is { } v ? JsonFields.Text(v, "VaultName") : null)
            ?? StoreNames.VaultName(topic)
            ?? StoreNames.VaultName(secretId);
        var name = (data is { } n ? JsonFields.Text(n, "ObjectName") : null) ?? idParts.Name ?? subject;
        var version = (data is { } r ? JsonFields.Text(r, "Version") : null) ?? idParts.Version;

        var store = vault is null ? (SecretStore?)null : SecretStore.Vault(vault);
        var problem = (store, name, version) switch
        {
            (null, _, _) => "it names no vault (no data.VaultName, no vault in topic or data.Id)",
            (_, null, _) => "it names no secret (no data.ObjectName, subject or data.Id)",
            (_, _, null) => "it names no version (no data.Version or versioned data.Id)",
            _ => null,
        };

        return header with
        {
            Store = store,
            Change = problem is null
                ? new SecretChange(store!.Value, name!.ToLowerInvariant(), string.Empty, version!)
                : null,
            Problem = problem,
        };
    }

    /// <summary>Splits https://{vault}.vault.azure.net/secrets/{name}/{version}.</summary>
    private static (string? Name, string? Version) SecretIdParts(string? secretId)
    {
        if (!Uri.TryCreate(secretId, UriKind.Absolute, out var uri))
        {
            return (null, null);
        }

        var segments = uri.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        return segments.Length >= 2
            ? (segments[1], segments.Length >= 3 ? segments[2] : null)
            : (null, null);
    }
}
