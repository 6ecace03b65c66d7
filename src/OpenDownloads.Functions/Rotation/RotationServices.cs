using Azure.Core;
using Azure.Core.Pipeline;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using OpenDownloads.Rotation;
using OpenDownloads.Rotation.Actions;
using OpenDownloads.Rotation.Alerts;
using OpenDownloads.Rotation.Arm;
using OpenDownloads.Rotation.Configuration;
using OpenDownloads.Rotation.Coordination;
using OpenDownloads.Rotation.Webhook;

namespace OpenDownloads.Functions.Rotation;

/// <summary>
/// Wiring for the rotation responder. A <see cref="TokenCredential"/> or <see cref="HttpPipelineTransport"/>
/// registered beforehand replaces the managed identity (for ARM, and for identity-based storage) or the default
/// transport (tests do both).
/// </summary>
internal static class RotationServices
{
    /// <summary>
    /// Storage for dedupe, batches and the actions queue: Rotation:StorageConnection (a connection string or an
    /// identity-based section), else AzureWebJobsStorage; read by <see cref="RotationStorageAccount"/>.
    /// </summary>
    public const string StorageConnectionKey = "Rotation:StorageConnection";

    public static IServiceCollection AddRotationResponder(
        this IServiceCollection services,
        IConfiguration configuration)
    {
        services.AddSingleton(provider =>
        {
            var settings = RotationConfiguration.Read(configuration);
            if (settings.Consumers.All.Count == 0)
            {
                Log.NoConsumers(provider.GetRequiredService<ILogger<RotationResponder>>());
            }

            return settings;
        });
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(provider => ArmClientFactory.Create(
            provider.GetRequiredService<RotationSettings>().Arm,
            provider.GetService<TokenCredential>(),
            provider.GetService<HttpPipelineTransport>(),
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<ILoggerFactory>()));
        services.AddSingleton(provider => new ActionExecutor(
            new AppServiceOperator(provider.GetRequiredService<IArmClient>()),
            new ContainerAppOperator(
                provider.GetRequiredService<IArmClient>(),
                provider.GetRequiredService<TimeProvider>()),
            provider.GetRequiredService<RotationSettings>(),
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<ILogger<ActionExecutor>>()));
        services.AddSingleton(provider => RotationStorage.For(
            RotationStorageAccount.Read(configuration),
            provider.GetService<TokenCredential>()));
        services.AddSingleton<IChangeLedger, TableChangeLedger>();
        services.AddSingleton<IAlertSink>(provider => new WebhookAlertSink(
            new HttpClient { Timeout = TimeSpan.FromSeconds(30) },
            provider.GetRequiredService<RotationSettings>().AlertWebhook,
            provider.GetRequiredService<ILogger<WebhookAlertSink>>()));
        services.AddSingleton<IConsumerDispatcher>(provider => provider.GetRequiredService<RotationSettings>().DryRun
            ? ActivatorUtilities.CreateInstance<DryRunDispatcher>(provider)
            : ActivatorUtilities.CreateInstance<QueuedDispatcher>(provider));
        services.AddSingleton<RotationResponder>();
        services.AddSingleton<ConsumerActionRunner>();
        services.AddSingleton<WebhookHandler>();
        return services;
    }
}
