using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;

namespace OpenDownloads.Rotation.Configuration;

/// <summary>
/// Where the responder's table and actions queues live: a connection string, or service URIs reached with a token
/// (identity-based, as the Functions host reads <c>AzureWebJobsStorage__accountName</c>). Read from
/// <c>Rotation:StorageConnection</c> first, then <c>AzureWebJobsStorage</c>; under each, a value is a connection
/// string, and a section holds <c>accountName</c>, or <c>tableServiceUri</c> and <c>queueServiceUri</c>, with
/// an optional <c>clientId</c> for a user-assigned identity.
/// </summary>
internal sealed partial record RotationStorageAccount
{
    public const string OwnSetting = "Rotation:StorageConnection";
    public const string HostSetting = "AzureWebJobsStorage";

    public string? ConnectionString { get; init; }

    public Uri? TableServiceUri { get; init; }

    public Uri? QueueServiceUri { get; init; }

    /// <summary>The client id of a user-assigned managed identity, or null.</summary>
    public string? ClientId { get; init; }

    /// <exception cref="RotationConfigurationException">Neither setting is usable; the message says why.</exception>
    public static RotationStorageAccount Read(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        foreach (var name in (string[])[OwnSetting, HostSetting])
        {
            var section = configuration.GetSection(name);
            if (section.Value is { Length: > 0 } value && !value.Contains('=', StringComparison.Ordinal))
            {
                // The Functions host's convention: a value without '=' names another connection (the template sets
                // Rotation:StorageConnection to "AzureWebJobsStorage"). Followed once, so a loop cannot form.
                section = Referenced(configuration, section, value.Trim());
            }

            if (section.Value is { Length: > 0 } connectionString)
            {
                return new RotationStorageAccount { ConnectionString = connectionString };
            }

            if (section.GetChildren().Any())
            {
                return FromSection(section);
            }
        }

        throw new RotationConfigurationException($"Neither {OwnSetting} nor {HostSetting} is set; expected a "
            + $"storage connection string, or {HostSetting}__accountName (or __tableServiceUri and "
            + "__queueServiceUri) for a managed identity.");
    }

    private static IConfigurationSection Referenced(
        IConfiguration configuration,
        IConfigurationSection naming,
        string name)
    {
        var target = configuration.GetSection(name);
        if (target.Value is { Length: > 0 } value && value.Contains('=', StringComparison.Ordinal))
        {
            return target;
        }

        if (target.Value is null && target.GetChildren().Any())
        {
            return target;
        }

        // The value is not quoted in full: a mistyped connection string could hold a key.
        throw new RotationConfigurationException($"{naming.Path} names the connection '{PrintableText.Of(name)}', "
            + "which is not set to a connection string or an identity-based section (accountName, or "
            + "tableServiceUri and queueServiceUri); expected a storage connection string or the name of a set one.");
    }

    private static RotationStorageAccount FromSection(IConfigurationSection section)
    {
        var account = section["accountName"]?.Trim();
        if (account is not null && !AccountName().IsMatch(account))
        {
            throw new RotationConfigurationException($"{section.Path}:accountName '{PrintableText.Of(account)}' is "
                + "not a storage account name; expected 3-24 lower-case letters and digits.");
        }

        return new RotationStorageAccount
        {
            TableServiceUri = ServiceUri(section, "tableServiceUri", account, "table"),
            QueueServiceUri = ServiceUri(section, "queueServiceUri", account, "queue"),
            ClientId = section["clientId"] is { Length: > 0 } id ? id.Trim() : null,
        };
    }

    /// <summary>The service URI as set, else the public cloud's for the account name.</summary>
    private static Uri ServiceUri(IConfigurationSection section, string name, string? account, string service)
    {
        var text = section[name];
        if (string.IsNullOrWhiteSpace(text))
        {
            return account is not null
                ? new Uri($"https://{account}.{service}.core.windows.net")
                : throw new RotationConfigurationException($"{section.Path} has neither accountName nor {name}; "
                    + $"expected one of them for the rotation {service}.");
        }

        if (Uri.TryCreate(text.Trim(), UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps
            && uri.UserInfo.Length == 0 && uri.Query.Length == 0)
        {
            return uri;
        }

        // Not quoted: a misplaced SAS URL would carry a signature.
        throw new RotationConfigurationException($"{section.Path}:{name} is not an https URL without user info or "
            + $"query; expected the account's service URL, e.g. https://{{account}}.{service}.core.windows.net.");
    }

    [GeneratedRegex("^[a-z0-9]{3,24}$", RegexOptions.CultureInvariant)]
    private static partial Regex AccountName();
}
