using OpenDownloads.Rotation.Events;

namespace OpenDownloads.Rotation.Coordination;

/// <summary>
/// Which (change, consumer) pairs are done, so that Event Grid's at-least-once delivery never acts on a consumer
/// twice for one change. A change is its vault or store, name, label and version or etag, not the event id.
/// </summary>
internal interface IChangeLedger
{
    Task<bool> IsHandledAsync(SecretChange change, string consumer, CancellationToken cancellationToken);

    /// <summary>
    /// Records <paramref name="changes"/> as handled for <paramref name="consumer"/> with an outcome word.
    /// </summary>
    Task RecordAsync(
        IEnumerable<SecretChange> changes,
        string consumer,
        string outcome,
        CancellationToken cancellationToken);
}
