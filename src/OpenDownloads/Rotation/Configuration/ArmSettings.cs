namespace OpenDownloads.Rotation.Configuration;

/// <summary>Validated <see cref="ArmOptions"/>.</summary>
internal sealed record ArmSettings
{
    public Uri Endpoint { get; init; } = new("https://management.azure.com");

    public ArmCredentialKind Credential { get; init; } = ArmCredentialKind.ManagedIdentity;

    public string? ManagedIdentityClientId { get; init; }

    public int MaxRetries { get; init; } = 4;

    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromSeconds(2);

    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromSeconds(60);

    public TimeSpan NetworkTimeout { get; init; } = TimeSpan.FromSeconds(100);

    /// <summary>
    /// Whether a connection that could not be made is retried like a 5xx; odl rotation simulate turns it off so
    /// that a stand-in that is not running fails at once.
    /// </summary>
    public bool RetryConnectFailures { get; init; } = true;

    /// <summary>The token scope for this endpoint's audience.</summary>
    public string Scope => $"{Endpoint.GetLeftPart(UriPartial.Authority)}/.default";
}
