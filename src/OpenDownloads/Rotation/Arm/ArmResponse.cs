namespace OpenDownloads.Rotation.Arm;

/// <summary>A successful ARM answer: its HTTP status and body (empty when none).</summary>
internal sealed record ArmResponse(int Status, BinaryData Content);
