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
    /// <summary>
    /// When the event says the change happened (Event Grid eventTime, CloudEvents time), or null when it gave none.
    /// It orders two versions of one value in one batch, whatever order their events arrived in.
    /// </summary>
    public DateTimeOffset? OccurredAt { get; init; }

    /// <summary>The value this change is a version of: store, name and label, without the version.</summary>
    public string ValueKey => Store.Kind == SecretStoreKind.KeyVault
        ? $"kv/{Store.Name}/{Name}"
        : $"appcs/{Store.Name}/{Name}?label={Label}";

    /// <summary>The deduplication key: store, name, label and version, as one readable string.</summary>
    public string Key => Store.Kind == SecretStoreKind.KeyVault
        ? $"kv/{Store.Name}/{Name}/{Version}"
        : $"appcs/{Store.Name}/{Name}?label={Label}/{Version}";

    /// <summary>
    /// <see cref="Key"/> as it may appear in a log line or alert: names and labels come from events, so control
    /// characters are escaped and long text is cut.
    /// </summary>
    public string PrintableKey => PrintableText.Of(Key);

    /// <summary>A short hash of <see cref="Key"/> that is safe as a table key (keys may hold '/', '#', '?').</summary>
    public string KeyHash => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Key)))[..32];

    /// <summary>Two changes are the same change when they name the same version of one value, whenever sent.</summary>
    public bool Equals(SecretChange? other) =>
        other is not null
        && Store == other.Store
        && Name == other.Name
        && Label == other.Label
        && Version == other.Version;

    public override int GetHashCode() => HashCode.Combine(Store, Name, Label, Version);

    public override string ToString() => Key;
}
