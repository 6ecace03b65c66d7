using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenDownloads.Functions.Counting;
using OpenDownloads.Functions.Datacenters;
using OpenDownloads.Functions.ReferenceData;
using OpenDownloads.Functions.Rotation;

namespace OpenDownloads.Functions;

/// <summary>
/// Wires the jobs of the functions this app runs. A job whose functions are all turned off is not wired, so its
/// settings are neither needed nor checked at start-up.
/// </summary>
internal static class FunctionsServices
{
    public static IServiceCollection AddOpenDownloadsFunctions(
        this IServiceCollection services,
        IConfiguration configuration)
    {
        if (FunctionSwitches.AnyEnabled(configuration, nameof(RebuildDatacenterList)))
        {
            services.AddDatacenterRebuild(configuration);
        }

        if (FunctionSwitches.AnyEnabled(
            configuration,
            nameof(RestartOnSecretRotation),
            nameof(RunRotationAction),
            nameof(RotationWebhook)))
        {
            services.AddRotationResponder(configuration);
        }

        if (FunctionSwitches.AnyEnabled(
            configuration,
            nameof(CountDownloads),
            nameof(CloseDownloadDays),
            nameof(RefreshUserAgentList)))
        {
            services.AddStreamCounting(configuration);
        }

        return services;
    }
}
