namespace OpenDownloads.Rotation.Arm;

/// <summary>
/// A call as made: for which consumer, and how it ended (ARM's status, or why there was none or it failed).
/// </summary>
internal sealed record RecordedArmCall(ArmCall Call, string? Consumer, int? Status, string? Error)
{
    /// <summary>One line of JSON: the call's fields, then consumer, status and (when it failed) error.</summary>
    public string ToJsonLine() => Call.ToJsonLine(Consumer, Status, Error);
}
