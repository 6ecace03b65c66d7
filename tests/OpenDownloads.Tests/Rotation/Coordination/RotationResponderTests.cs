using OpenDownloads.Rotation.Alerts;
using OpenDownloads.Rotation.Configuration;
using OpenDownloads.Rotation.Consumers;
using OpenDownloads.Rotation.Coordination;
using OpenDownloads.Rotation.Events;
using OpenDownloads.Tests.Rotation.Support;

namespace OpenDownloads.Tests.Rotation.Coordination;

/// <summary>What the first stage logs about events it does not act on.</summary>
public sealed class RotationResponderTests : IDisposable
{
    private readonly CapturingLoggerFactory _logs = new();

    public void Dispose() => _logs.Dispose();

    [Fact]
    public async Task HandleAsync_EventWithoutIdOrType_SaysSoInsteadOfAnEmptyType()
    {
        var sut = Create(TestConsumers.Site("api", "Restart", ("kv-prod", "db", "Exact")));

        await sut.HandleAsync(BinaryData.FromString("""[{ "subject": "db", "data": {} }]"""), CancellationToken.None);

        var line = Assert.Single(_logs.Entries, entry => entry.Message.StartsWith("Ignored event", StringComparison.Ordinal));
        Assert.Equal("Ignored event without id: it has no event type (eventType, or type in CloudEvents)", line.Message);
    }

    [Fact]
    public async Task HandleAsync_DuplicatesOfAnEventForAnOptedOutConsumer_LogTheOptOutOnce()
    {
        var reports = TestConsumers.Site("reports", "Restart", ("kv-prod", "db", "Exact"));
        reports.Enabled = false;
        var sut = Create(reports);
        var copy = SampleEvents.KeyVaultNewVersion("db", "v1");

        await sut.HandleAsync(BinaryData.FromString($"[{copy}, {copy}, {copy}]"), CancellationToken.None);

        Assert.Single(_logs.Entries, entry => entry.Message.Contains("is opted out; skipped", StringComparison.Ordinal));
    }

    [Fact]
    public async Task HandleAsync_SecretNameWithAControlCharacter_IsEscapedInTheLog()
    {
        var sut = Create(TestConsumers.Site("api", "Restart", ("kv-prod", "db", "Exact")));

        await sut.HandleAsync(BinaryData.FromString(SampleEvents.KeyVaultNewVersion("other\\nwarning: forged", "v1")), CancellationToken.None);

        Assert.Contains(_logs.Entries, entry => entry.Message.Contains("other\\u000awarning: forged", StringComparison.Ordinal));
        Assert.DoesNotContain(_logs.Entries, entry => entry.Message.Contains('\n', StringComparison.Ordinal));
    }

    private RotationResponder Create(params ConsumerOptions[] consumers)
    {
        var options = new RotationOptions();
        foreach (var consumer in consumers)
        {
            options.Consumers.Add(consumer);
        }

        return new RotationResponder(
            RotationSettingsReader.Read(options),
            new NoDispatch(),
            new MemoryChangeLedger(),
            new NoAlerts(),
            _logs.CreateLogger<RotationResponder>());
    }

    private sealed class NoDispatch : IConsumerDispatcher
    {
        public Task DispatchAsync(Consumer consumer, IReadOnlyList<SecretChange> changes, CancellationToken cancellationToken) =>
            Task.CompletedTask;
    }

    private sealed class NoAlerts : IAlertSink
    {
        public Task PostAsync(RotationAlert alert, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
