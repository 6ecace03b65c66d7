using Azure.Storage.Queues;
using Microsoft.Extensions.DependencyInjection;
using OpenDownloads.Functions.Rotation;
using OpenDownloads.Functions.Tests.Rotation;
using OpenDownloads.Rotation.Coordination;
using OpenDownloads.Tests.Rotation.Support;
using OpenDownloads.Tests.Streaming;
using OpenDownloads.Tests.TestData;

namespace OpenDownloads.Functions.Tests.Deployment;

/// <summary>
/// The deployment's rotation path, end to end as far as this machine allows: the responder configured with the
/// consumer entry infra/ writes (the counter, depending on the vault's salt secret), a Key Vault event for a new salt
/// version through the queue-triggered functions over Azurite, and ARM played by a loopback stand-in that shows the
/// counter's salt reference once refreshed. Serial: the rotation-actions queue is shared with the rotation tests.
/// </summary>
[Collection(AzuriteSerial.Name)]
public sealed class SaltRotationAzuriteTests : IDisposable
{
    private const string Vault = "odl-kv-abc123";
    private const string Salt = "odl-ip-hash-salt";
    private const string Group = "/subscriptions/0000/resourceGroups/odl-rg/providers";
    private const string Counter = Group + "/Microsoft.Web/sites/odl-counter";

    private static readonly (string Key, string Value)[] CounterConsumer =
    [
        ("Rotation:Consumers:0:Name", "counter"),
        ("Rotation:Consumers:0:ResourceId", Counter),
        ("Rotation:Consumers:0:Action", "RefreshReferences"),
        ("Rotation:Consumers:0:Enabled", "true"),
        ("Rotation:Consumers:0:DependsOn:0:Vault", Vault),
        ("Rotation:Consumers:0:DependsOn:0:Secret", Salt),
    ];

    private readonly string _version = Guid.NewGuid().ToString("N");
    private readonly LoopbackServer _arm;
    private readonly ServiceProvider _services;
    private readonly QueueClient _actions;
    private bool _refreshed;

    public SaltRotationAzuriteTests()
    {
        _arm = new LoopbackServer(Answer);
        _services = RotationHost.Build(_arm.Endpoint, CounterConsumer);
        _actions = new QueueClient(
            AzuriteStorage.ConnectionString,
            RotationStorage.ActionsQueueName,
            new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });
        _actions.CreateIfNotExists();
        _actions.ClearMessages();
    }

    public void Dispose()
    {
        _services.Dispose();
        _arm.Dispose();
    }

    [Fact]
    public void Template_CounterConsumer_HasExactlyTheKeysThisTestConfigures()
    {
        // Evaluated: the compiled template's formatted keys (a consumer's App Configuration keys) name no index.
        var sut = DeploymentSnapshot.Defaults.AppSettings("rotation").Keys
            .Where(name => name.StartsWith("Rotation__Consumers__0__", StringComparison.Ordinal))
            .Select(SettingKeys.Normalise)
            .Order(StringComparer.Ordinal);

        Assert.Equal(CounterConsumer.Select(setting => setting.Key).Order(StringComparer.Ordinal), sut);
    }

    [Fact]
    public async Task NewSaltVersion_ThroughTheQueues_RefreshesTheCountersReferencesAndRestartsNothing()
    {
        var events = ActivatorUtilities.CreateInstance<RestartOnSecretRotation>(_services);

        await events.RunAsync(Base64(SaltVersionCreated()), CancellationToken.None);
        await PumpActionsAsync();

        var calls = _arm.Requests.Where(request => request.Method == "POST").Select(request => request.Path).ToList();
        Assert.Equal([$"{Counter}/config/configreferences/appsettings/refresh"], calls);
        Assert.Contains(_arm.Requests, request =>
            request.Method == "GET" && request.Path == $"{Counter}/config/configreferences/appsettings");
    }

    private CannedResponse Answer(RecordedRequest request)
    {
        if (request.Method == "POST" && request.Path.EndsWith("/appsettings/refresh", StringComparison.Ordinal))
        {
            _refreshed = true;
            return CannedResponse.Ok();
        }

        if (request.Method == "GET"
            && request.Path.EndsWith("/config/configreferences/appsettings", StringComparison.Ordinal))
        {
            var active = _refreshed ? _version : "00000000000000000000000000000000";
            return CannedResponse.Ok($$$"""
                {"value":[{"name":"CountDownloads__Salt","properties":{
                  "reference":"@Microsoft.KeyVault(SecretUri=https://{{{Vault}}}.vault.azure.net/secrets/{{{Salt}}}/)",
                  "status":"Resolved","vaultName":"{{{Vault}}}","secretName":"{{{Salt}}}",
                  "activeVersion":"{{{active}}}"}}]}
                """);
        }

        return FakeArm.Healthy(request);
    }

    private string SaltVersionCreated() => $$$"""
        {"id":"{{{Guid.NewGuid()}}}","topic":"{{{Group}}}/Microsoft.KeyVault/vaults/{{{Vault}}}",
         "subject":"{{{Salt}}}","eventType":"Microsoft.KeyVault.SecretNewVersionCreated",
         "eventTime":"2026-12-04T19:00:00Z",
         "data":{"Id":"https://{{{Vault}}}.vault.azure.net/secrets/{{{Salt}}}/{{{_version}}}","VaultName":"{{{Vault}}}",
           "ObjectType":"Secret","ObjectName":"{{{Salt}}}","Version":"{{{_version}}}","NBF":null,"EXP":null},
         "dataVersion":"1","metadataVersion":"1"}
        """;

    // Event Grid writes each event to the queue as Base64 JSON.
    private static string Base64(string json) => Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(json));

    private async Task PumpActionsAsync()
    {
        var runner = ActivatorUtilities.CreateInstance<RunRotationAction>(_services);
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while ((await _actions.GetPropertiesAsync()).Value.ApproximateMessagesCount > 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "The actions queue did not drain in time.");
            foreach (var message in (await _actions.ReceiveMessagesAsync(16)).Value)
            {
                await runner.RunAsync(message.Body.ToString(), CancellationToken.None);
                await _actions.DeleteMessageAsync(message.MessageId, message.PopReceipt);
            }

            await Task.Delay(100);
        }
    }
}
