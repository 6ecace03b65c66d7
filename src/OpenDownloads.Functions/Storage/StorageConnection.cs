using Azure.Core;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Configuration;

namespace OpenDownloads.Functions.Storage;

/// <summary>
/// A storage account as the app's settings name it, read the way the Functions host reads its own connections: a
/// connection string, or identity-based settings under the connection's name (<c>NAME__accountName</c>, or
/// <c>NAME__blobServiceUri</c>, <c>NAME__queueServiceUri</c> and <c>NAME__tableServiceUri</c>, with
/// <c>NAME__clientId</c> for a user-assigned identity) used with a token credential.
/// </summary>
internal sealed class StorageConnection
{
    /// <summary>The Functions host's own storage connection, the default of every storage setting.</summary>
    public const string HostConnectionName = "AzureWebJobsStorage";

    private readonly string? _connectionString;
    private readonly Uri? _blobUri;
    private readonly Uri? _queueUri;
    private readonly Uri? _tableUri;
    private readonly string? _clientId;

    private StorageConnection(
        string name,
        string? connectionString,
        Uri? blob,
        Uri? queue,
        Uri? table,
        string? clientId)
    {
        Name = name;
        _connectionString = connectionString;
        _blobUri = blob;
        _queueUri = queue;
        _tableUri = table;
        _clientId = clientId;
    }

    /// <summary>Gets the setting the connection was read from, for messages.</summary>
    public string Name { get; }

    /// <summary>Gets the connection string; null for an identity-based connection.</summary>
    public string? ConnectionString => _connectionString;

    /// <summary>
    /// Reads the connection a setting points at. The setting's value is a connection string when it holds an
    /// <c>=</c> (as every connection string does), else the name of another connection; with no value, the setting's
    /// own identity-based keys are used, and without those the Functions host's <c>AzureWebJobsStorage</c>.
    /// </summary>
    /// <exception cref="InvalidOperationException">Nothing usable is configured.</exception>
    public static StorageConnection Read(IConfiguration configuration, string setting)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentException.ThrowIfNullOrEmpty(setting);
        var value = configuration[setting];
        if (value is { Length: > 0 } && value.Contains('=', StringComparison.Ordinal))
        {
            return new StorageConnection(setting, value, null, null, null, null);
        }

        if (value is { Length: > 0 } && !value.Equals(setting, StringComparison.OrdinalIgnoreCase))
        {
            return ReadNamed(configuration, value.Trim(), setting);
        }

        return FromIdentitySettings(configuration.GetSection(setting), setting)
            ?? ReadNamed(configuration, HostConnectionName, setting);
    }

    /// <summary>Creates a blob service client; <paramref name="credential"/> is called only for identities.</summary>
    public BlobServiceClient CreateBlobServiceClient(
        Func<string?, TokenCredential> credential,
        BlobClientOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(credential);
        return _connectionString is not null
            ? new BlobServiceClient(_connectionString, options)
            : new BlobServiceClient(Required(_blobUri, "blobServiceUri"), credential(_clientId), options);
    }

    /// <summary>Creates a queue service client; <paramref name="credential"/> is called only for identities.</summary>
    public QueueServiceClient CreateQueueServiceClient(
        Func<string?, TokenCredential> credential,
        QueueClientOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(credential);
        return _connectionString is not null
            ? new QueueServiceClient(_connectionString, options)
            : new QueueServiceClient(Required(_queueUri, "queueServiceUri"), credential(_clientId), options);
    }

    /// <summary>Creates a table service client; <paramref name="credential"/> is called only for identities.</summary>
    public TableServiceClient CreateTableServiceClient(
        Func<string?, TokenCredential> credential,
        TableClientOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(credential);
        return _connectionString is not null
            ? new TableServiceClient(_connectionString, options)
            : new TableServiceClient(Required(_tableUri, "tableServiceUri"), credential(_clientId), options);
    }

    private static StorageConnection ReadNamed(IConfiguration configuration, string name, string setting)
    {
        if (configuration[name] is { Length: > 0 } connectionString)
        {
            return new StorageConnection(name, connectionString, null, null, null, null);
        }

        return FromIdentitySettings(configuration.GetSection(name), name)
            ?? throw new InvalidOperationException(
                $"The storage connection '{name}' (from {setting}) is not configured; expected a connection string in "
                + $"{name}, or {name}__accountName (or {name}__blobServiceUri, __queueServiceUri and "
                + "__tableServiceUri) for a managed identity.");
    }

    private static StorageConnection? FromIdentitySettings(IConfigurationSection section, string name)
    {
        var account = section["accountName"];
        var blob = ServiceUri(section, "blobServiceUri", account, "blob");
        var queue = ServiceUri(section, "queueServiceUri", account, "queue");
        var table = ServiceUri(section, "tableServiceUri", account, "table");
        return blob is null && queue is null && table is null
            ? null
            : new StorageConnection(
                name, null, blob, queue, table, section["clientId"] is { Length: > 0 } id ? id : null);
    }

    // An account name gives the public cloud's endpoints; elsewhere the service URIs are set instead.
    private static Uri? ServiceUri(IConfigurationSection section, string key, string? account, string service) =>
        section[key] is { Length: > 0 } uri ? new Uri(uri, UriKind.Absolute)
        : account is { Length: > 0 } ? new Uri($"https://{account}.{service}.core.windows.net")
        : null;

    private Uri Required(Uri? uri, string key) =>
        uri ?? throw new InvalidOperationException(
            $"The storage connection '{Name}' has no {Name}__{key} (or {Name}__accountName) for this service.");
}
