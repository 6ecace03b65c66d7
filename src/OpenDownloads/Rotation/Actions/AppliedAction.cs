using OpenDownloads.Rotation.Consumers;

namespace OpenDownloads.Rotation.Actions;

/// <summary>An action that ARM accepted, with what its outcome check needs (the new revision's suffix).</summary>
internal sealed record AppliedAction(ConsumerAction Action, string? RevisionSuffix = null);
