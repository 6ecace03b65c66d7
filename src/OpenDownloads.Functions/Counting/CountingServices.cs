using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenDownloads.Functions.Storage;
using OpenDownloads.ReferenceData;
using OpenDownloads.Streaming;
using OpenDownloads.Streaming.Reference;

namespace OpenDownloads.Functions.Counting;

/// <summary>Wiring for the streaming counter: settings from <c>CountDownloads</c>, checked at start-up.</summary>
internal static class CountingServices
{
    /// <summary>The state storage: a connection string, the name of a connection, or identity-based settings under
    /// it (accountName, or blobServiceUri and tableServiceUri). Without it, AzureWebJobsStorage.</summary>
    public const string StorageKey = StreamingOptions.SectionName + ":Storage";

    public static IServiceCollection AddStreamCounting(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StreamingOptions>()
            .Bind(configuration.GetSection(StreamingOptions.SectionName))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<StreamingOptions>, StreamingOptionsValidation>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(provider => CreateStorage(
            configuration, provider.GetRequiredService<IOptions<StreamingOptions>>().Value));
        services.AddSingleton(provider => StreamPipeline.Create(
            provider.GetRequiredService<StreamStorage>(),
            provider.GetRequiredService<IOptions<StreamingOptions>>().Value,
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<ILoggerFactory>()));
        services.AddSingleton<StreamCountingHost>();
        services.AddSingleton(provider => CreateAgentListRefresher(
            provider.GetRequiredService<StreamStorage>(),
            provider.GetRequiredService<IOptions<StreamingOptions>>().Value.Reference,
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<ILoggerFactory>()));
        return services;
    }

    // The cache keeps the last download and its ETag, so an unchanged list is not downloaded again while the
    // instance lives; a new instance downloads it once.
    private static AgentListRefresher CreateAgentListRefresher(
        StreamStorage storage,
        ReferenceBlobOptions reference,
        TimeProvider time,
        ILoggerFactory loggers) => new(
            ReferenceDataLoader.CreateHttpClient(),
            Path.Combine(Path.GetTempPath(), "opendownloads-reference"),
            storage.Blobs.GetBlobContainerClient(reference.AgentsContainer).GetBlobClient(reference.AgentsBlobNames[0]),
            reference.AgentsSourceUrl,
            time,
            loggers.CreateLogger("OpenDownloads.ReferenceData"));

    private static StreamStorage CreateStorage(IConfiguration configuration, StreamingOptions options)
    {
        var connection = StorageConnection.Read(configuration, StorageKey);
        if (connection.ConnectionString is { } connectionString)
        {
            return StreamStorage.FromConnectionString(connectionString, options);
        }

        var tableOptions = new TableClientOptions();
        StreamStorage.Configure(tableOptions.Retry);
        var blobOptions = new BlobClientOptions();
        StreamStorage.Configure(blobOptions.Retry);
        return new StreamStorage(
            connection.CreateTableServiceClient(StorageCredential.Create, tableOptions),
            connection.CreateBlobServiceClient(StorageCredential.Create, blobOptions),
            options);
    }
}
