namespace OpenDownloads.Rotation.Events;

/// <summary>A Key Vault or an App Configuration store, by its lower-case name (names are unique per cloud).</summary>
internal readonly record struct SecretStore(SecretStoreKind Kind, string Name)
{
    public static SecretStore Vault(string name) => new(SecretStoreKind.KeyVault, name.Trim().ToLowerInvariant());

    public static SecretStore AppConfiguration(string name) =>
        new(SecretStoreKind.AppConfiguration, name.Trim().ToLowerInvariant());

    public override string ToString() =>
        Kind == SecretStoreKind.KeyVault ? $"vault {Name}" : $"store {Name}";
}
