using Azure.Core;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Configuration;

namespace OpenDownloads.Functions.Datacenters;

/// <summary>
/// Creates the <see cref="BlobServiceClient"/> from a connection setting the way the Functions host reads its own:
/// a connection string in the setting itself, or identity-based <c>NAME__blobServiceUri</c> or
/// <c>NAME__accountName</c> settings with a token credential (with <c>NAME__clientId</c> for a user-assigned identity).
/// </summary>
internal static class BlobServiceClientFactory
{
    public static BlobServiceClient Create(
        IConfiguration configuration,
        string connectionName,
        Func<string?, TokenCredential> credential)
    {
        var section = configuration.GetSection(connectionName);
        if (section.Value is { Length: > 0 } connectionString)
        {
            return new BlobServiceClient(connectionString);
        }

        if (section["blobServiceUri"] is { Length: > 0 } serviceUri)
        {
            return new BlobServiceClient(new Uri(serviceUri), credential(section["clientId"]));
        }

        if (section["accountName"] is { Length: > 0 } accountName)
        {
            return new BlobServiceClient(
                new Uri($"https://{accountName}.blob.core.windows.net"), credential(section["clientId"]));
        }

        throw new InvalidOperationException(
            $"The storage connection '{connectionName}' is not configured; expected a connection string in "
            + $"{connectionName}, or {connectionName}__blobServiceUri or {connectionName}__accountName for an "
            + "identity.");
    }
}
