namespace OpenDownloads.Rotation.Events;

/// <summary>The service that holds a rotated value.</summary>
internal enum SecretStoreKind
{
    KeyVault,
    AppConfiguration,
}
