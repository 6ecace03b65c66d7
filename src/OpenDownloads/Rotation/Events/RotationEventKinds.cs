namespace OpenDownloads.Rotation.Events;

/// <summary>Maps Event Grid event type names to <see cref="RotationEventKind"/> and back.</summary>
internal static class RotationEventKinds
{
    private static readonly Dictionary<string, RotationEventKind> ByType = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Microsoft.EventGrid.SubscriptionValidationEvent"] = RotationEventKind.SubscriptionValidation,
        ["Microsoft.KeyVault.SecretNewVersionCreated"] = RotationEventKind.SecretNewVersionCreated,
        ["Microsoft.KeyVault.SecretNearExpiry"] = RotationEventKind.SecretNearExpiry,
        ["Microsoft.KeyVault.SecretExpired"] = RotationEventKind.SecretExpired,
        ["Microsoft.AppConfiguration.KeyValueModified"] = RotationEventKind.KeyValueModified,
        ["Microsoft.AppConfiguration.KeyValueDeleted"] = RotationEventKind.KeyValueDeleted,
    };

    public static RotationEventKind FromType(string? eventType) =>
        eventType is not null && ByType.TryGetValue(eventType.Trim(), out var kind) ? kind : RotationEventKind.Unknown;

    /// <summary>True for the kinds that bring consumers onto a new value.</summary>
    public static bool IsChange(this RotationEventKind kind) =>
        kind is RotationEventKind.SecretNewVersionCreated
            or RotationEventKind.KeyValueModified
            or RotationEventKind.KeyValueDeleted;

    /// <summary>True for the Key Vault expiry warnings, which are alerted but never acted on.</summary>
    public static bool IsExpiryWarning(this RotationEventKind kind) =>
        kind is RotationEventKind.SecretNearExpiry or RotationEventKind.SecretExpired;
}
