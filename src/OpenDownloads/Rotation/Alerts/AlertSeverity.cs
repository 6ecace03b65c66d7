namespace OpenDownloads.Rotation.Alerts;

/// <summary>How loud an alert is; it picks the card colour.</summary>
internal enum AlertSeverity
{
    Warning,
    Error,
}
