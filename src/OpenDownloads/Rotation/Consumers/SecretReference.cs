namespace OpenDownloads.Rotation.Consumers;

/// <summary>
/// Reads the ways a setting names a Key Vault secret: a bare name, a secret URI (with or without a version and a
/// trailing slash), <c>@Microsoft.KeyVault(SecretUri=…)</c> or
/// <c>@Microsoft.KeyVault(VaultName=…;SecretName=…)</c>.
/// A version is dropped: a dependency is on the secret, whichever version a rotation creates.
/// </summary>
internal static class SecretReference
{
    private const string ReferencePrefix = "@Microsoft.KeyVault(";

    public static (string? Vault, string? Name) Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var body = text.Trim();
        if (body.StartsWith(ReferencePrefix, StringComparison.OrdinalIgnoreCase) && body.EndsWith(')'))
        {
            body = body[ReferencePrefix.Length..^1];
        }

        var pairs = body.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(pair => pair.Split('=', 2, StringSplitOptions.TrimEntries))
            .Where(pair => pair.Length == 2)
            .ToDictionary(pair => pair[0], pair => pair[1], StringComparer.OrdinalIgnoreCase);
        if (pairs.TryGetValue("SecretUri", out var secretUri))
        {
            return FromUri(secretUri);
        }

        if (pairs.TryGetValue("SecretName", out var secretName))
        {
            return (pairs.GetValueOrDefault("VaultName"), secretName);
        }

        return body.Contains("://", StringComparison.Ordinal) ? FromUri(body) : (null, body);
    }

    private static (string? Vault, string? Name) FromUri(string text)
    {
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri))
        {
            return (null, null);
        }

        var segments = uri.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var isSecret = segments.Length >= 2 && segments[0].Equals("secrets", StringComparison.OrdinalIgnoreCase);
        return (Events.StoreNames.VaultName(text), isSecret ? segments[1] : null);
    }
}
