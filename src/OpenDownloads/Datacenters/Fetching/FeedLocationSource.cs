namespace OpenDownloads.Datacenters.Fetching;

/// <summary>How a feed's location was chosen, as the manifest and logs say it.</summary>
internal static class FeedLocationSource
{
    /// <summary>The provider's official URL.</summary>
    public const string Official = "official";

    /// <summary>A URL set in the settings (Azure's service tags file).</summary>
    public const string Configured = "configured";

    /// <summary>A URL found on the provider's download page.</summary>
    public const string Discovered = "discovered";

    /// <summary>The feed's file name under the configured mirror.</summary>
    public const string Mirror = "mirror";

    /// <summary>A local copy in the folder given with <c>--feeds</c>.</summary>
    public const string Local = "local";
}
