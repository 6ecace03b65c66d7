using OpenDownloads.Rotation.Arm;

namespace OpenDownloads.Rotation.Coordination;

/// <summary>An ARM call a consumer's action made or would make.</summary>
internal sealed record PlannedCall(string Consumer, ArmCall Call);
