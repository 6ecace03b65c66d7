namespace OpenDownloads.Rotation.Events;

/// <summary>What an event asks of the responder, decided by its type alone.</summary>
internal enum RotationEventKind
{
    /// <summary>A type the responder does not act on; it is logged and ignored.</summary>
    Unknown,

    /// <summary>Event Grid's subscription validation handshake (webhook delivery only).</summary>
    SubscriptionValidation,

    /// <summary>Key Vault: a new secret version was created; consumers are brought onto it.</summary>
    SecretNewVersionCreated,

    /// <summary>Key Vault: the current version expires within 30 days; logged and alerted, no restart.</summary>
    SecretNearExpiry,

    /// <summary>Key Vault: the current version expired; logged and alerted, no restart.</summary>
    SecretExpired,

    /// <summary>App Configuration: a key-value was created or replaced.</summary>
    KeyValueModified,

    /// <summary>App Configuration: a key-value was deleted.</summary>
    KeyValueDeleted,
}
