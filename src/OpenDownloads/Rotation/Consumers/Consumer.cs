using OpenDownloads.Rotation.Events;

namespace OpenDownloads.Rotation.Consumers;

/// <summary>A configured app that reads rotated values, and what to do to it when one changes.</summary>
/// <param name="Name">A short unique name (table keys and logs use it).</param>
/// <param name="Resource">The site (or slot) or container app.</param>
/// <param name="Action">The first action tried; a stale outcome escalates from here.</param>
/// <param name="Enabled">False opts the consumer out: matching changes are logged and skipped.</param>
/// <param name="Dependencies">The values it reads.</param>
internal sealed record Consumer(
    string Name,
    ConsumerResource Resource,
    ConsumerAction Action,
    bool Enabled,
    IReadOnlyList<Dependency> Dependencies)
{
    public ConsumerKind Kind => Resource.Kind;

    public bool DependsOn(SecretChange change) => Dependencies.Any(dependency => dependency.Matches(change));
}
