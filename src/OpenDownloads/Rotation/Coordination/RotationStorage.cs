using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Queues;
using OpenDownloads.Rotation.Configuration;

namespace OpenDownloads.Rotation.Coordination;

/// <summary>
/// The responder's own storage: one table (dedupe ledger, per-consumer batches, concurrency slots, stagger
/// cursor) and the actions queue with its poison queue. Queue messages are Base64, as the Functions queue
/// trigger expects by default.
/// </summary>
internal sealed class RotationStorage(TableClient table, QueueClient actions, QueueClient poison)
{
    private readonly Lock _gate = new();
    private Task? _created;

    public const string TableName = "rotation";
    public const string EventsQueueName = "rotation-events";
    public const string ActionsQueueName = "rotation-actions";
    public const string PoisonQueueName = ActionsQueueName + "-poison";

    public TableClient Table { get; } = table;

    public QueueClient Actions { get; } = actions;

    public QueueClient Poison { get; } = poison;

    /// <summary>
    /// The longest a due message stays invisible (queues allow seven days). The runner defers a message again until
    /// its batch is due, so a shorter cap only makes it look earlier; tests with a fake clock use a second.
    /// </summary>
    public TimeSpan MaxQueueDelay { get; init; } = TimeSpan.FromDays(7) - TimeSpan.FromMinutes(1);

    /// <param name="connectionString">A storage connection string (UseDevelopmentStorage=true for Azurite).</param>
    /// <param name="tableName">The table; tests give each run its own.</param>
    /// <param name="actionsQueueName">The actions queue; its poison queue is this name with "-poison".</param>
    public static RotationStorage FromConnectionString(
        string connectionString,
        string tableName = TableName,
        string actionsQueueName = ActionsQueueName)
    {
        var options = new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 };
        return new RotationStorage(
            new TableClient(connectionString, tableName),
            new QueueClient(connectionString, actionsQueueName, options),
            new QueueClient(connectionString, actionsQueueName + "-poison", options));
    }

    /// <summary>The storage <paramref name="account"/> names: by connection string, or by URI with a token.</summary>
    /// <param name="account">Where the storage is.</param>
    /// <param name="credential">
    /// The token source for URIs; null for DefaultAzureCredential (with the account's client id, if any).
    /// </param>
    public static RotationStorage For(RotationStorageAccount account, TokenCredential? credential)
    {
        ArgumentNullException.ThrowIfNull(account);
        if (account.ConnectionString is { } connectionString)
        {
            return FromConnectionString(connectionString);
        }

        credential ??= new DefaultAzureCredential(
            new DefaultAzureCredentialOptions { ManagedIdentityClientId = account.ClientId });
        var tables = new TableServiceClient(account.TableServiceUri, credential);
        var queues = new QueueServiceClient(
            account.QueueServiceUri,
            credential,
            new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });
        return new RotationStorage(
            tables.GetTableClient(TableName),
            queues.GetQueueClient(ActionsQueueName),
            queues.GetQueueClient(PoisonQueueName));
    }

    /// <summary>Creates the table and queues once per process (and again after a failed try).</summary>
    public Task EnsureCreatedAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_created is null || _created.IsFaulted || _created.IsCanceled)
            {
                _created = CreateAsync(cancellationToken);
            }

            return _created;
        }
    }

    private async Task CreateAsync(CancellationToken cancellationToken)
    {
        await Table.CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);
        await Actions.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        await Poison.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
    }
}
