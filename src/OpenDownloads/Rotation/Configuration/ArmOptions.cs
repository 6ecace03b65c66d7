namespace OpenDownloads.Rotation.Configuration;

/// <summary>Where and how ARM is called.</summary>
internal sealed class ArmOptions
{
    /// <summary>The ARM endpoint; another cloud's, or a local stand-in on a loopback address for tests.</summary>
    public string Endpoint { get; set; } = "https://management.azure.com";

    /// <summary>
    /// ManagedIdentity (the default), Default (DefaultAzureCredential) or None (loopback endpoints only).
    /// </summary>
    public string Credential { get; set; } = "ManagedIdentity";

    /// <summary>The client id of a user-assigned managed identity; the system-assigned one when empty.</summary>
    public string? ManagedIdentityClientId { get; set; }

    /// <summary>Retries of one call on 408, 429 and 5xx, after which the attempt fails.</summary>
    public int MaxRetries { get; set; } = 4;

    /// <summary>The first retry delay, doubled each retry; a longer Retry-After from ARM wins.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(60);

    public TimeSpan NetworkTimeout { get; set; } = TimeSpan.FromSeconds(100);
}
