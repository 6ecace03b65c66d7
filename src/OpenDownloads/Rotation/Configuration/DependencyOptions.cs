namespace OpenDownloads.Rotation.Configuration;

/// <summary>
/// One dependency as written: Vault and Secret (a name, a secret URI or a Key Vault reference, which may carry
/// the vault itself), or Store, Key and optionally Label; Match is Exact, Prefix or Substring.
/// </summary>
internal sealed class DependencyOptions
{
    public string? Vault { get; set; }

    public string? Secret { get; set; }

    public string? Store { get; set; }

    public string? Key { get; set; }

    /// <summary>Absent: any label; empty or "\0": the unlabelled key-value only.</summary>
    public string? Label { get; set; }

    public string? Match { get; set; }
}
