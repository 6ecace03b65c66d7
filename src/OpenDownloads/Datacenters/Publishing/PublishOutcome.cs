namespace OpenDownloads.Datacenters.Publishing;

/// <summary>What publishing a rebuilt list did.</summary>
/// <param name="Version">The version this run wrote.</param>
/// <param name="MovedLatest">
/// Whether <c>latest</c> now points at it; false when another run moved <c>latest</c> first, in which case this
/// version is kept but not served.
/// </param>
/// <param name="LatestVersion">The version <c>latest</c> points at after this run.</param>
/// <param name="PreviousVersion">The version <c>latest</c> pointed at when this run read it, if any.</param>
/// <param name="DeletedVersions">Old versions removed by retention.</param>
/// <param name="RetentionError">
/// Why deleting old versions failed after <c>latest</c> moved, or <see langword="null"/>; the publish still stands.
/// </param>
public sealed record PublishOutcome(
    string Version,
    bool MovedLatest,
    string LatestVersion,
    string? PreviousVersion,
    int DeletedVersions,
    string? RetentionError = null);
