namespace OpenDownloads.Rotation.Configuration;

/// <summary>Where the ARM token comes from.</summary>
internal enum ArmCredentialKind
{
    /// <summary>The app's managed identity (system-assigned, or user-assigned by client id).</summary>
    ManagedIdentity,

    /// <summary>DefaultAzureCredential: environment, workload identity, managed identity, developer tools.</summary>
    Default,

    /// <summary>No token: only for a local ARM stand-in on a loopback address.</summary>
    None,
}
