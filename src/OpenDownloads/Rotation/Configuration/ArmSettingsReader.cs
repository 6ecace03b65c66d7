using System.Net;
using System.Text.RegularExpressions;

namespace OpenDownloads.Rotation.Configuration;

/// <summary>
/// Validates <see cref="ArmOptions"/>: an https endpoint without user info (http and no token only on loopback).
/// </summary>
internal static partial class ArmSettingsReader
{
    public static ArmSettings Read(List<string> problems, ArmOptions options)
    {
        var endpoint = new Uri("https://management.azure.com");
        var refused = true;
        var absolute = Uri.TryCreate(options.Endpoint?.Trim(), UriKind.Absolute, out var parsed);
        if (!absolute || parsed!.Scheme is not ("https" or "http"))
        {
            problems.Add($"Rotation:Arm:Endpoint '{Redacted(options.Endpoint)}' is not an absolute URL; expected "
                + "https://management.azure.com or another cloud's.");
        }
        else if (parsed.UserInfo.Length > 0)
        {
            problems.Add($"Rotation:Arm:Endpoint '{Redacted(options.Endpoint)}' carries user info (user:password@); "
                + "expected none (ARM is called with a token; credentials do not belong in the URL).");
        }
        else if (parsed.Scheme == "http" && !IsLoopback(parsed))
        {
            problems.Add($"Rotation:Arm:Endpoint '{Redacted(options.Endpoint)}' is plain http; expected https (http is "
                + "allowed only on a loopback address).");
        }
        else
        {
            endpoint = parsed;
            refused = false;
        }

        if (!Enum.TryParse<ArmCredentialKind>(options.Credential, ignoreCase: true, out var credential)
            || !Enum.IsDefined(credential))
        {
            problems.Add($"Rotation:Arm:Credential '{PrintableText.Of(options.Credential)}' is unknown; expected "
                + "ManagedIdentity, Default or None.");
        }
        else if (credential == ArmCredentialKind.None && !refused && !IsLoopback(endpoint))
        {
            // Skipped for a refused endpoint: the default one checked here is not what was written.
            problems.Add("Rotation:Arm:Credential is None but the endpoint is not a loopback address; expected "
                + "ManagedIdentity or Default.");
        }

        if (options.MaxRetries is < 0 or > 10)
        {
            problems.Add($"Rotation:Arm:MaxRetries is {options.MaxRetries}; expected 0 to 10.");
        }

        if (options.RetryDelay < TimeSpan.Zero
            || options.MaxRetryDelay < options.RetryDelay
            || options.NetworkTimeout <= TimeSpan.Zero)
        {
            problems.Add("Rotation:Arm retry timings are inconsistent; expected 0 <= RetryDelay <= "
                + "MaxRetryDelay and a positive NetworkTimeout.");
        }

        return new ArmSettings
        {
            Endpoint = endpoint,
            Credential = credential,
            ManagedIdentityClientId = string.IsNullOrWhiteSpace(options.ManagedIdentityClientId)
                ? null
                : options.ManagedIdentityClientId.Trim(),
            MaxRetries = options.MaxRetries,
            RetryDelay = options.RetryDelay,
            MaxRetryDelay = options.MaxRetryDelay,
            NetworkTimeout = options.NetworkTimeout,
        };
    }

    /// <summary>
    /// The endpoint as it may appear in a message: user info (<c>user:password@</c>) replaced by <c>***@</c> and
    /// control characters escaped, whether or not the text parses as a URL.
    /// </summary>
    public static string Redacted(string? endpoint) =>
        PrintableText.Of(endpoint is null ? null : UserInfo().Replace(endpoint, "${scheme}***@", 1));

    [GeneratedRegex(@"^(?<scheme>\s*[^:/?#@\s]+://)?[^/?#@]*@", RegexOptions.CultureInvariant)]
    private static partial Regex UserInfo();

    public static bool IsLoopback(Uri uri) =>
        uri.IsLoopback
        || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
}
