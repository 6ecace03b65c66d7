using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenDownloads.Datacenters;
using OpenDownloads.Datacenters.Publishing;
using OpenDownloads.Functions.Storage;

namespace OpenDownloads.Functions.Datacenters;

/// <summary>Registers what <see cref="RebuildDatacenterList"/> needs.</summary>
internal static class DatacentersServiceCollectionExtensions
{
    /// <summary>
    /// The setting naming the storage connection (or holding a connection string); default the Functions host's own,
    /// AzureWebJobsStorage.
    /// </summary>
    public const string ConnectionSetting = "Datacenters:StorageConnection";

    public static IServiceCollection AddDatacenterRebuild(
        this IServiceCollection services,
        IConfiguration configuration)
    {
        services.AddOptions<DatacenterRebuildOptions>()
            .Bind(configuration.GetSection(DatacenterRebuildOptions.SectionName))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<DatacenterRebuildOptions>, DatacenterRebuildOptionsValidation>();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(_ => new HttpClient(new SocketsHttpHandler
        {
            PooledConnectionLifetime = TimeSpan.FromMinutes(15),
            AutomaticDecompression = System.Net.DecompressionMethods.All,
        })
        {
            Timeout = Timeout.InfiniteTimeSpan,
        });
        services.AddSingleton(_ => StorageConnection.Read(configuration, ConnectionSetting)
            .CreateBlobServiceClient(StorageCredential.Create));
        services.AddSingleton(provider => DatacenterPublishJob.Create(
            provider.GetRequiredService<IOptions<DatacenterRebuildOptions>>().Value,
            provider.GetRequiredService<Azure.Storage.Blobs.BlobServiceClient>(),
            provider.GetRequiredService<HttpClient>(),
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<ILoggerFactory>().CreateLogger("OpenDownloads.Datacenters")));
        return services;
    }
}
