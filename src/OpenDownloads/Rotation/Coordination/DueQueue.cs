namespace OpenDownloads.Rotation.Coordination;

/// <summary>
/// Sends due messages that stay invisible until their time, at most <see cref="RotationStorage.MaxQueueDelay"/>.
/// </summary>
internal static class DueQueue
{
    public static async Task SendAsync(
        RotationStorage storage,
        DueMessage message,
        TimeSpan delay,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(storage);
        ArgumentNullException.ThrowIfNull(message);
        var visibility = delay <= TimeSpan.Zero ? TimeSpan.Zero
            : delay > storage.MaxQueueDelay ? storage.MaxQueueDelay
            : delay;
        var forever = TimeSpan.FromSeconds(-1);
        await storage.Actions.SendMessageAsync(message.ToJson(), visibility, forever, cancellationToken)
            .ConfigureAwait(false);
    }
}
