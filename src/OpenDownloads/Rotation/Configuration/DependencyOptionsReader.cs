using OpenDownloads.Rotation.Consumers;
using OpenDownloads.Rotation.Events;

namespace OpenDownloads.Rotation.Configuration;

/// <summary>
/// Validates one dependency: a vault secret (a name, URI or reference) or a store key with an optional label.
/// </summary>
internal static class DependencyOptionsReader
{
    public static Dependency? Read(List<string> problems, string where, DependencyOptions option)
    {
        var match = NameMatch.Exact;
        if (!string.IsNullOrWhiteSpace(option.Match)
            && (!Enum.TryParse(option.Match.Trim(), ignoreCase: true, out match) || !Enum.IsDefined(match)))
        {
            problems.Add($"{where}:Match '{option.Match}' is unknown; expected Exact, Prefix or Substring.");
            return null;
        }

        var secret = !string.IsNullOrWhiteSpace(option.Secret);
        var key = !string.IsNullOrWhiteSpace(option.Key);
        if (secret == key)
        {
            problems.Add($"{where} names "
                + $"{(secret ? "both a Secret and a Key" : "neither a Secret nor a Key")}; expected exactly one.");
            return null;
        }

        return secret ? ReadSecret(problems, where, option, match) : ReadKey(problems, where, option, match);
    }

    private static Dependency? ReadSecret(
        List<string> problems,
        string where,
        DependencyOptions option,
        NameMatch match)
    {
        var (vaultInReference, name) = SecretReference.Parse(option.Secret!);
        var vault = StoreNames.VaultName(option.Vault) ?? vaultInReference;
        if (vault is null || string.IsNullOrEmpty(name))
        {
            problems.Add($"{where} Secret '{option.Secret}' with Vault '{option.Vault}' names no vault and secret; "
                + "expected Vault plus a secret name, or a secret URI or Key Vault reference.");
            return null;
        }

        return new Dependency(SecretStore.Vault(StoreNames.VaultName(vault)!), name.ToLowerInvariant(), null, match);
    }

    private static Dependency? ReadKey(List<string> problems, string where, DependencyOptions option, NameMatch match)
    {
        var store = StoreNames.AppConfigurationName(option.Store);
        if (store is null)
        {
            problems.Add($"{where}:Store '{option.Store}' names no App Configuration store; expected a name, "
                + "endpoint or ARM id.");
            return null;
        }

        var label = option.Label is null ? null : option.Label == "\0" ? string.Empty : option.Label;
        return new Dependency(SecretStore.AppConfiguration(store), option.Key!.Trim(), label, match);
    }
}
