namespace OpenDownloads.Rotation.Coordination;

/// <summary>
/// What adding changes to a consumer's batch did: opened a new one (which needs a queue message) or joined.
/// </summary>
internal readonly record struct BatchJoin(bool Opened, long Generation, DateTimeOffset DueAt);
