namespace OpenDownloads.Rotation.Webhook;

/// <summary>The status, optional JSON body and extra headers the webhook answers with.</summary>
internal sealed record WebhookReply(int Status, string? JsonBody = null)
{
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();
}
