namespace OpenDownloads.Streaming.Groups;

/// <summary>A group a batch writes: its key, the state to store, and whether this instance already knew it as a
/// download.</summary>
internal readonly record struct PlannedGroup(GroupKey Key, GroupState State, bool WasQualifying);
