namespace OpenDownloads.Rotation.Consumers;

/// <summary>The actions of each consumer kind, mildest first: a stale outcome escalates one step along it.</summary>
internal static class ActionLadder
{
    private static readonly ConsumerAction[] AppService =
        [ConsumerAction.RefreshReferences, ConsumerAction.SoftRestart, ConsumerAction.Restart];

    private static readonly ConsumerAction[] ContainerApp = [ConsumerAction.Restart, ConsumerAction.NewRevision];

    public static IReadOnlyList<ConsumerAction> For(ConsumerKind kind) =>
        kind == ConsumerKind.AppService ? AppService : ContainerApp;

    /// <summary>The next stronger action, or null at the top of the ladder.</summary>
    public static ConsumerAction? Next(ConsumerKind kind, ConsumerAction action)
    {
        var ladder = For(kind);
        var index = ladder.ToList().IndexOf(action);
        return index >= 0 && index + 1 < ladder.Count ? ladder[index + 1] : null;
    }
}
