using Azure.Core;
using Azure.Data.Tables;
using Azure.Storage.Blobs;

namespace OpenDownloads.Streaming;

/// <summary>The storage the stream path keeps its state and writes its files in.</summary>
public sealed class StreamStorage
{
    /// <summary>Initializes the storage over existing clients.</summary>
    public StreamStorage(TableServiceClient tables, BlobServiceClient blobs, StreamingOptions options)
    {
        ArgumentNullException.ThrowIfNull(tables);
        ArgumentNullException.ThrowIfNull(blobs);
        ArgumentNullException.ThrowIfNull(options);
        Blobs = blobs;
        Table = tables.GetTableClient(options.TableName);
        Output = blobs.GetBlobContainerClient(options.OutputContainer);
    }

    /// <summary>Gets the state table: days, listener groups and record tallies.</summary>
    public TableClient Table { get; }

    /// <summary>Gets the container of the days' files, totals and dead letters.</summary>
    public BlobContainerClient Output { get; }

    /// <summary>Gets the account's blob service, where the reference data is read.</summary>
    public BlobServiceClient Blobs { get; }

    /// <summary>Creates clients from a connection string, such as <c>UseDevelopmentStorage=true</c> for
    /// Azurite.</summary>
    public static StreamStorage FromConnectionString(string connectionString, StreamingOptions options)
    {
        ArgumentException.ThrowIfNullOrEmpty(connectionString);
        var tableOptions = new TableClientOptions();
        Configure(tableOptions.Retry);
        var blobOptions = new BlobClientOptions();
        Configure(blobOptions.Retry);
        return new StreamStorage(
            new TableServiceClient(connectionString, tableOptions),
            new BlobServiceClient(connectionString, blobOptions),
            options);
    }

    /// <summary>Creates the state table and the output container when they do not exist.</summary>
    public async Task EnsureCreatedAsync(CancellationToken cancellationToken)
    {
        await Table.CreateIfNotExistsAsync(cancellationToken);
        await Output.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
    }

    /// <summary>
    /// Bounds how long one storage call may take with its retries, which the day-close fence relies on: a batch
    /// checks its day is open just before writing, and the closer waits longer than any write can take.
    /// </summary>
    public static void Configure(RetryOptions retry)
    {
        ArgumentNullException.ThrowIfNull(retry);
        retry.MaxRetries = 3;
        retry.Mode = RetryMode.Exponential;
        retry.Delay = TimeSpan.FromMilliseconds(200);
        retry.MaxDelay = TimeSpan.FromSeconds(5);
        retry.NetworkTimeout = TimeSpan.FromSeconds(30);
    }
}
