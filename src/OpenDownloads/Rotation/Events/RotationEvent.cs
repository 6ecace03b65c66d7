namespace OpenDownloads.Rotation.Events;

/// <summary>One event as the responder understands it, whatever envelope, encoding or key casing it came in.</summary>
internal sealed record RotationEvent
{
    public required string Id { get; init; }

    /// <summary>The event type as sent (for logs), empty when it had none.</summary>
    public required string EventType { get; init; }

    public required RotationEventKind Kind { get; init; }

    public required EventSchema Schema { get; init; }

    /// <summary>The vault or store the event came from, when it could be told from the event.</summary>
    public SecretStore? Store { get; init; }

    /// <summary>The changed (or expiring) value, when the event named it completely.</summary>
    public SecretChange? Change { get; init; }

    /// <summary>The validation code of a subscription validation event.</summary>
    public string? ValidationCode { get; init; }

    /// <summary>Why a known event type could not be understood (a missing name or version), else null.</summary>
    public string? Problem { get; init; }
}
