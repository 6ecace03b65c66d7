namespace OpenDownloads.Rotation.Webhook;

/// <summary>What the webhook needs of an HTTP request, free of any host's request type.</summary>
/// <param name="Method">GET, POST, OPTIONS, …</param>
/// <param name="Header">Looks a header up by name (case-insensitive), null when absent.</param>
/// <param name="SuppliedKey">The shared key from the x-rotation-key header or the key query parameter.</param>
/// <param name="Body">The body (empty for OPTIONS).</param>
internal sealed record WebhookRequest(
    string Method,
    Func<string, string?> Header,
    string? SuppliedKey,
    BinaryData Body);
