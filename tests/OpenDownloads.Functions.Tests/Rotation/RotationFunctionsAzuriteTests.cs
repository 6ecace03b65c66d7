using Azure.Storage.Queues;
using Microsoft.Extensions.DependencyInjection;
using OpenDownloads.Functions.Rotation;
using OpenDownloads.Rotation.Coordination;
using OpenDownloads.Tests.Rotation.Support;
using OpenDownloads.Tests.TestData;

namespace OpenDownloads.Functions.Tests.Rotation;

/// <summary>
/// The two queue-triggered functions as Program.cs wires them, over Azurite's rotation-events and rotation-actions
/// queues, with the loopback ARM stand-in. Each test uses a fresh secret version, so rows left by an earlier run of
/// the same Azurite never dedupe it away.
/// </summary>
public sealed class RotationFunctionsAzuriteTests : IDisposable
{
    private readonly LoopbackServer _arm = new(FakeArm.Healthy);
    private readonly ServiceProvider _services;
    private readonly QueueClient _actions;

    public RotationFunctionsAzuriteTests()
    {
        var connection = AzuriteStorage.ConnectionString;
        _services = RotationHost.Build(_arm.Endpoint);
        _actions = new QueueClient(connection, RotationStorage.ActionsQueueName, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });
        _actions.CreateIfNotExists();
        _actions.ClearMessages();
    }

    public void Dispose()
    {
        _services.Dispose();
        _arm.Dispose();
    }

    [Fact]
    public async Task RestartOnSecretRotation_SameEventThreeTimes_RunRotationActionRestartsOnce()
    {
        var sut = ActivatorUtilities.CreateInstance<RestartOnSecretRotation>(_services);
        var version = Guid.NewGuid().ToString("N");
        var change = RotationWebhookTests.KeyVaultEvent().Replace("0123456789abcdef0123456789abcdef", version, StringComparison.Ordinal);

        await sut.RunAsync(change, CancellationToken.None);
        await sut.RunAsync(Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(change)), CancellationToken.None);
        await sut.RunAsync(change, CancellationToken.None);
        await PumpActionsAsync();

        var restart = Assert.Single(_arm.Requests, FakeArm.IsRestart);
        Assert.Equal("/subscriptions/0000/resourceGroups/rg/providers/Microsoft.Web/sites/api/restart", restart.Path);
        Assert.Equal("Bearer fake-token", restart.Authorization);
    }

    [Fact]
    public async Task RestartOnSecretRotation_UnreadableMessage_ThrowsForTheHostToRetryAndPoison()
    {
        var sut = ActivatorUtilities.CreateInstance<RestartOnSecretRotation>(_services);

        await Assert.ThrowsAsync<FormatException>(() => sut.RunAsync("not an event", CancellationToken.None));
        Assert.Empty(_arm.Requests);
    }

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
