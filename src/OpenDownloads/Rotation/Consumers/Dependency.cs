using OpenDownloads.Rotation.Events;

namespace OpenDownloads.Rotation.Consumers;

/// <summary>
/// One value a consumer reads: a secret of a vault, or a key (and label) of an App Configuration store.
/// </summary>
/// <param name="Store">The vault or store; always compared exactly.</param>
/// <param name="Name">
/// The secret name (compared ignoring case) or the key (compared exactly, as App Configuration does).
/// </param>
/// <param name="Label">The label to match; null matches any label, empty matches only the unlabelled key-value.</param>
/// <param name="Match">How <paramref name="Name"/> is compared.</param>
internal sealed record Dependency(SecretStore Store, string Name, string? Label, NameMatch Match)
{
    public bool Matches(SecretChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        var otherLabel = Label is not null && !string.Equals(change.Label, Label, StringComparison.Ordinal);
        if (change.Store != Store || otherLabel)
        {
            return false;
        }

        var comparison = Store.Kind == SecretStoreKind.KeyVault
            ? StringComparison.OrdinalIgnoreCase
            : StringComparison.Ordinal;
        return Match switch
        {
            NameMatch.Prefix => change.Name.StartsWith(Name, comparison),
            NameMatch.Substring => change.Name.Contains(Name, comparison),
            _ => string.Equals(change.Name, Name, comparison),
        };
    }

    public override string ToString() =>
        $"{Store}/{Name}{(Label is null ? string.Empty : $"?label={Label}")} ({Match})";
}
