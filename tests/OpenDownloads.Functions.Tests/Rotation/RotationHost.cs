using Azure.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging;
using OpenDownloads.Functions.Rotation;
using OpenDownloads.Tests.TestData;

namespace OpenDownloads.Functions.Tests.Rotation;

/// <summary>
/// The services Program.cs registers for rotation, from in-memory app settings, with a fake credential registered
/// first as the wiring allows: no test asks Azure.Identity for a token.
/// </summary>
internal static class RotationHost
{
    public const string Key = "webhook-shared-key-7Hq2";

    public static ServiceProvider Build(Uri armEndpoint, params (string Key, string Value)[] settings) =>
        Build(armEndpoint, NullLoggerFactory.Instance, settings);

    public static ServiceProvider Build(
        Uri armEndpoint,
        ILoggerFactory logs,
        params (string Key, string Value)[] settings)
    {
        var values = new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = AzuriteStorage.ConnectionString,
            ["Rotation:WebhookKey"] = Key,
            ["Rotation:DebounceWindow"] = "00:00:00",
            ["Rotation:VerifyDelay"] = "00:00:00",
            ["Rotation:Arm:Endpoint"] = armEndpoint.ToString(),
            ["Rotation:Arm:RetryDelay"] = "00:00:00.010",
            ["Rotation:Consumers:0:Name"] = "api",
            ["Rotation:Consumers:0:ResourceId"] = "/subscriptions/0000/resourceGroups/rg/providers/Microsoft.Web/sites/api",
            ["Rotation:Consumers:0:Action"] = "Restart",
            ["Rotation:Consumers:0:DependsOn:0:Vault"] = "kv-prod",
            ["Rotation:Consumers:0:DependsOn:0:Secret"] = "db-password",
        };
        foreach (var (key, value) in settings)
        {
            values[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection();
        services.AddSingleton(logs);
        services.AddSingleton(typeof(ILogger<>), typeof(Logger<>));
        services.AddSingleton<TokenCredential>(new FakeCredential());
        services.AddRotationResponder(configuration);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    private sealed class FakeCredential : TokenCredential
    {
        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            new("fake-token", DateTimeOffset.UtcNow.AddHours(1));

        public override ValueTask<AccessToken> GetTokenAsync(
            TokenRequestContext requestContext,
            CancellationToken cancellationToken)
            =>
            ValueTask.FromResult(GetToken(requestContext, cancellationToken));
    }
}
