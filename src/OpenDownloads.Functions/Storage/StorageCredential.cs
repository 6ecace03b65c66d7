using Azure.Core;
using Azure.Identity;

namespace OpenDownloads.Functions.Storage;

/// <summary>The token credential of identity-based storage connections.</summary>
internal static class StorageCredential
{
    /// <summary>
    /// The app's managed identity in Azure (a user-assigned one when <paramref name="clientId"/> is set); the
    /// developer's sign-in elsewhere. Nothing is contacted until a client asks for a token.
    /// </summary>
    public static TokenCredential Create(string? clientId) =>
        new DefaultAzureCredential(new DefaultAzureCredentialOptions { ManagedIdentityClientId = clientId });
}
