namespace OpenDownloads.Rotation.Consumers;

/// <summary>How a dependency's secret name or key is compared with a changed one.</summary>
internal enum NameMatch
{
    /// <summary>The whole name (the default).</summary>
    Exact,

    /// <summary>The changed name starts with the dependency's (opt-in: "feed-" matches "feed-token").</summary>
    Prefix,

    /// <summary>
    /// The changed name contains the dependency's (opt-in and collision-prone: "db" matches "db-replica").
    /// </summary>
    Substring,
}
