using OpenDownloads.Rotation.Events;

namespace OpenDownloads.Rotation.Consumers;

/// <summary>The configured consumers, and the vaults and stores they read from.</summary>
internal sealed class ConsumerCatalog
{
    private readonly HashSet<SecretStore> _stores;

    public ConsumerCatalog(IReadOnlyList<Consumer> consumers)
    {
        ArgumentNullException.ThrowIfNull(consumers);
        All = consumers;
        _stores = [.. consumers.SelectMany(consumer => consumer.Dependencies).Select(dependency => dependency.Store)];
    }

    public IReadOnlyList<Consumer> All { get; }

    /// <summary>True when some consumer (opted out or not) reads from <paramref name="store"/>.</summary>
    public bool Knows(SecretStore store) => _stores.Contains(store);

    /// <summary>The consumers, enabled or not, with a dependency that matches <paramref name="change"/>.</summary>
    public IReadOnlyList<Consumer> DependentsOf(SecretChange change) =>
        [.. All.Where(consumer => consumer.DependsOn(change))];

    public Consumer? Find(string name) =>
        All.FirstOrDefault(consumer => string.Equals(consumer.Name, name, StringComparison.OrdinalIgnoreCase));
}
