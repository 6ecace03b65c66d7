using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Identity;
using Microsoft.Extensions.Logging;
using OpenDownloads.Rotation.Configuration;

namespace OpenDownloads.Rotation.Arm;

/// <summary>Builds the live ARM client: pipeline, retries, classifier and token policy.</summary>
internal static class ArmClientFactory
{
    /// <param name="settings">Endpoint, credential kind and retry timings.</param>
    /// <param name="credential">
    /// The credential to use; null to create the one <paramref name="settings"/> names.
    /// </param>
    /// <param name="transport">The HTTP transport; null for Azure.Core's default.</param>
    /// <param name="time">The clock token reuse is judged by.</param>
    /// <param name="loggerFactory">Where call logs go.</param>
    public static IArmClient Create(
        ArmSettings settings,
        TokenCredential? credential,
        HttpPipelineTransport? transport,
        TimeProvider time,
        ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        credential ??= CreateCredential(settings);
        HttpPipelinePolicy[] perRetry = credential is null
            ? []
            : [new ArmTokenPolicy(credential, settings.Scope, time)];
        var pipeline = HttpPipelineBuilder.Build(
            new ArmClientOptions(settings, transport),
            perCallPolicies: [],
            perRetryPolicies: perRetry,
            responseClassifier: new ArmResponseClassifier());
        var logger = loggerFactory.CreateLogger<ResourceManagerClient>();
        return new ResourceManagerClient(pipeline, settings.Endpoint, logger);
    }

    private static TokenCredential? CreateCredential(ArmSettings settings) => settings.Credential switch
    {
        ArmCredentialKind.None => null,
        ArmCredentialKind.Default => new DefaultAzureCredential(
            new DefaultAzureCredentialOptions { ManagedIdentityClientId = settings.ManagedIdentityClientId }),
        _ => new ManagedIdentityCredential(settings.ManagedIdentityClientId is { } clientId
            ? ManagedIdentityId.FromUserAssignedClientId(clientId)
            : ManagedIdentityId.SystemAssigned),
    };
}
