using OpenDownloads.Rotation.Consumers;

namespace OpenDownloads.Rotation.Actions;

/// <summary>
/// How a consumer's run ended: done by <see cref="Action"/>, or still stale at the top of the ladder.
/// </summary>
internal sealed record ActionOutcome(ConsumerAction Action, OutcomeCheck Check)
{
    public bool Succeeded => Check.IsDone;
}
