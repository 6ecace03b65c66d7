namespace OpenDownloads.Rotation.Alerts;

/// <summary>Where alerts go. Posting never throws: a lost alert must not make a consumer restart twice.</summary>
internal interface IAlertSink
{
    Task PostAsync(RotationAlert alert, CancellationToken cancellationToken);
}
