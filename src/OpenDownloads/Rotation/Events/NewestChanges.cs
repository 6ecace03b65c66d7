namespace OpenDownloads.Rotation.Events;

/// <summary>
/// Picks, for each value in a batch, the change(s) the consumer should end up on: a secret rotated twice inside the
/// debounce window, or whose events arrived out of order, is fresh on its newest version, not on whichever came last.
/// </summary>
internal static class NewestChanges
{
    /// <summary>
    /// Groups <paramref name="changes"/> by value and keeps the newest of each by
    /// <see cref="SecretChange.OccurredAt"/>. When the newest cannot be told (no time, or equal times), every change
    /// tied for newest is kept: being on any of them counts as fresh, since Key Vault versions carry no order of their
    /// own.
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<SecretChange>> Of(IEnumerable<SecretChange> changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        return
        [
            .. changes
                .GroupBy(change => change.ValueKey, StringComparer.OrdinalIgnoreCase)
                .Select(Newest),
        ];
    }

    private static List<SecretChange> Newest(IEnumerable<SecretChange> versions)
    {
        var all = versions.ToList();
        var latest = all.Max(change => change.OccurredAt);
        return latest is null
            ? all
            : [.. all.Where(change => change.OccurredAt == latest || change.OccurredAt is null)];
    }
}
