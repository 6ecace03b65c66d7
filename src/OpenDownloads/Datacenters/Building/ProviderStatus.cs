namespace OpenDownloads.Datacenters.Building;

/// <summary>What happened to a provider's feed in a rebuild, as the manifest writes it.</summary>
internal static class ProviderStatus
{
    /// <summary>The feed was read and its ranges written.</summary>
    public const string Updated = "updated";

    /// <summary>The server said the feed has not changed; the previous list's ranges stand for it.</summary>
    public const string NotModified = "not-modified";

    /// <summary>The feed could not be fetched or read.</summary>
    public const string Failed = "failed";

    /// <summary>The feed lost more ranges than allowed and was not trusted.</summary>
    public const string Shrunk = "shrunk";

    /// <summary>The provider was not selected for this run; its previous ranges stand.</summary>
    public const string NotSelected = "not-selected";
}
