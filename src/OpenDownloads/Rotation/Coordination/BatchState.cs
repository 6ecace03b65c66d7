namespace OpenDownloads.Rotation.Coordination;

/// <summary>Where a consumer's batch is: collecting changes until due, or held by a running action.</summary>
internal enum BatchState
{
    Open,
    Running,
}
