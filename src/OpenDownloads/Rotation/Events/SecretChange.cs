using System.Security.Cryptography;
using System.Text;

namespace OpenDownloads.Rotation.Events;

/// <summary>
/// One change of one value: a Key Vault secret version or an App Configuration key-value etag. It names the value
/// and its version, never the value itself (events carry none).
/// </summary>
/// <param name="Store">The vault or store.</param>
/// <param name="Name">The secret name (lower-case: Key Vault names are case-insensitive) or the key (as sent).</param>
/// <param name="Label">The App Configuration label, empty for none; always empty for Key Vault.</param>
/// <param name="Version">The secret version or the key-value etag.</param>
internal sealed record SecretChange(SecretStore Store, string Name, string Label, string Version)
{
    /// <summary>The deduplication key: store, name, label and version, as one readable string.</summary>
    public string Key => Store.Kind == SecretStoreKind.KeyVault
        ? $"kv/{Store.Name}/{Name}/{Version}"
        : $"appcs/{Store.Name}/{Name}?label={Label}/{Version}";

    /// <summary>A short hash of <see cref="Key"/> that is safe as a table key (keys may hold '/', '#', '?').</summary>
    public string KeyHash => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Key)))[..32];

    public override string ToString() => Key;
}
