namespace OpenDownloads.Rotation.Alerts;

/// <summary>
/// An alert for people: a title and a few lines, naming consumers, secrets and versions, never values.
/// </summary>
internal sealed record RotationAlert(string Title, string Text, AlertSeverity Severity);
