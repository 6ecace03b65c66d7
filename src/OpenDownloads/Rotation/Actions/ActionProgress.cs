using OpenDownloads.Rotation.Consumers;

namespace OpenDownloads.Rotation.Actions;

/// <summary>How far up the ladder a run got, so that a later attempt resumes there instead of at the start.</summary>
internal sealed class ActionProgress(ConsumerAction start)
{
    public ConsumerAction Current { get; set; } = start;
}
