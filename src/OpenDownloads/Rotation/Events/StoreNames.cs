namespace OpenDownloads.Rotation.Events;

/// <summary>Tells vault and store names from the ARM ids, URIs and host names that events and settings use.</summary>
internal static class StoreNames
{
    private const string VaultHostSuffix = ".vault.";
    private const string AppConfigurationHostSuffix = ".azconfig.";

    /// <summary>A vault name from an ARM id (…/vaults/{name}), a vault or secret URI, or a bare name.</summary>
    public static string? VaultName(string? text) =>
        Name(text, "/providers/Microsoft.KeyVault/vaults/", VaultHostSuffix);

    /// <summary>
    /// A store name from an ARM id (…/configurationStores/{name}), an endpoint or key URI, or a bare name.
    /// </summary>
    public static string? AppConfigurationName(string? text) =>
        Name(text, "/providers/Microsoft.AppConfiguration/configurationStores/", AppConfigurationHostSuffix);

    private static string? Name(string? text, string armSegment, string hostMarker)
    {
        text = text?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        var arm = text.IndexOf(armSegment, StringComparison.OrdinalIgnoreCase);
        if (arm >= 0)
        {
            var rest = text[(arm + armSegment.Length)..];
            var end = rest.IndexOf('/', StringComparison.Ordinal);
            return Lower(end < 0 ? rest : rest[..end]);
        }

        if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http")
        {
            var marker = uri.Host.IndexOf(hostMarker, StringComparison.OrdinalIgnoreCase);
            return marker > 0 ? Lower(uri.Host[..marker]) : null;
        }

        return text.Contains('/', StringComparison.Ordinal) || text.Contains('.', StringComparison.Ordinal)
            ? null
            : Lower(text);
    }

    private static string? Lower(string name) => name.Length == 0 ? null : name.ToLowerInvariant();
}
