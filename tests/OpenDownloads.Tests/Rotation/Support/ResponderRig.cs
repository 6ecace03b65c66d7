using Azure.Storage.Queues;
using Microsoft.Extensions.Time.Testing;
using OpenDownloads.Rotation.Actions;
using OpenDownloads.Rotation.Alerts;
using OpenDownloads.Rotation.Arm;
using OpenDownloads.Rotation.Configuration;
using OpenDownloads.Rotation.Coordination;

namespace OpenDownloads.Tests.Rotation.Support;

/// <summary>
/// The responder as the Functions app wires it, over real Azurite queues and tables, a loopback ARM stand-in, a
/// loopback alert webhook, a fake credential and a fake clock. <see cref="PumpAsync"/> plays the Functions host:
/// it takes visible messages off the events and actions queues, runs the handlers and deletes what succeeded.
/// </summary>
internal sealed class ResponderRig : IDisposable
{
    private readonly QueueClient _events;
    private readonly QueueClient _actions;
    private readonly HttpClient _http = new();

    public ResponderRig(Action<RotationOptions> configure)
    {
        Arm = new LoopbackServer(FakeArm.Healthy);
        Alerts = new LoopbackServer();
        var options = new RotationOptions
        {
            DebounceWindow = TimeSpan.FromSeconds(30),
            RetryBackoff = TimeSpan.Zero,
            VerifyAttempts = 2,
            VerifyDelay = TimeSpan.Zero,
            AlertWebhook = new Uri(Alerts.Endpoint, "alerts").ToString(),
            Arm = new ArmOptions { Endpoint = Arm.Endpoint.ToString(), MaxRetries = 2, RetryDelay = TimeSpan.FromMilliseconds(10) },
        };
        configure(options);
        Settings = RotationSettingsReader.Read(options);
        var storage = Azurite.NewStorage(out _events);
        Storage = new RotationStorage(storage.Table, storage.Actions, storage.Poison) { MaxQueueDelay = TimeSpan.FromSeconds(1) };
        Storage.EnsureCreatedAsync(CancellationToken.None).GetAwaiter().GetResult();
        _actions = new QueueClient(Azurite.ConnectionString, Storage.Actions.Name, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });

        var arm = ArmClientFactory.Create(Settings.Arm, Credential, null, Time, Logs);
        var executor = new ActionExecutor(new AppServiceOperator(arm), new ContainerAppOperator(arm, Time), Settings, Time, Logs.CreateLogger<ActionExecutor>());
        Ledger = new TableChangeLedger(Storage, Time);
        var alerts = new WebhookAlertSink(_http, Settings.AlertWebhook, Logs.CreateLogger<WebhookAlertSink>());
        Planner = new DryRunDispatcher(executor, Logs.CreateLogger<DryRunDispatcher>()) { KeepCalls = true };
        IConsumerDispatcher dispatcher = Settings.DryRun
            ? Planner
            : new QueuedDispatcher(Settings, Storage, Ledger, Time, Logs.CreateLogger<QueuedDispatcher>());
        Responder = new RotationResponder(Settings, dispatcher, Ledger, alerts, Logs.CreateLogger<RotationResponder>());
        Runner = new ConsumerActionRunner(Settings, Storage, Ledger, executor, alerts, Time, Logs.CreateLogger<ConsumerActionRunner>());
    }

    /// <summary>One site, "api", that reads kv-prod's db-password, with the given action.</summary>
    public static ResponderRig OneSite(string action = "Restart") =>
        new(options => options.Consumers.Add(TestConsumers.Site("api", action, ("kv-prod", "db-password", "Exact"))));

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero));

    public CapturingLoggerFactory Logs { get; } = new();

    public FakeTokenCredential Credential { get; } = new(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));

    public LoopbackServer Arm { get; }

    public LoopbackServer Alerts { get; }

    public RotationSettings Settings { get; }

    public RotationStorage Storage { get; }

    public TableChangeLedger Ledger { get; }

    public DryRunDispatcher Planner { get; }

    public RotationResponder Responder { get; }

    public ConsumerActionRunner Runner { get; }

    /// <summary>
    /// Puts an event on the events queue as Event Grid does: one Base64-encoded JSON event per message.
    /// </summary>
    public async Task DeliverAsync(string eventJson, int times = 1)
    {
        for (var delivery = 0; delivery < times; delivery++)
        {
            await _events.SendMessageAsync(SampleEvents.Base64(eventJson));
        }
    }

    /// <summary>
    /// Runs queued work until both queues are empty, moving the fake clock on while nothing is visible.
    /// </summary>
    public async Task PumpAsync(TimeSpan advanceWhenIdle, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            var worked = await PumpOnceAsync(_events, body => Responder.HandleAsync(body, CancellationToken.None));
            worked |= await PumpOnceAsync(_actions, body => Runner.RunAsync(body, CancellationToken.None));
            if (!worked)
            {
                if (await CountAsync(_events) + await CountAsync(_actions) == 0)
                {
                    return;
                }

                if (DateTime.UtcNow > deadline)
                {
                    throw new TimeoutException("The rotation queues did not drain in time.");
                }

                Time.Advance(advanceWhenIdle);
                await Task.Delay(200);
            }
        }
    }

    /// <summary>Handles only what is on the events queue now (stage 1), leaving due messages alone.</summary>
    public Task HandleEventsAsync() => PumpOnceAsync(_events, body => Responder.HandleAsync(body, CancellationToken.None));

    public async Task<IReadOnlyList<string>> PeekPoisonAsync()
    {
        var peeked = await Storage.Poison.PeekMessagesAsync(32);
        return [.. peeked.Value.Select(message => message.Body.ToString())];
    }

    /// <summary>The dedupe ledger's rows (partitions "change-…"), not batches, slots or the stagger cursor.</summary>
    public async Task<int> CountLedgerRowsAsync()
    {
        var rows = 0;
        await foreach (var row in Storage.Table.QueryAsync<Azure.Data.Tables.TableEntity>())
        {
            rows += row.PartitionKey.StartsWith("change-", StringComparison.Ordinal) ? 1 : 0;
        }

        return rows;
    }

    /// <summary>Every row of the table: ledger, batches, slots, stagger cursor.</summary>
    public async Task<int> CountAllRowsAsync()
    {
        var rows = 0;
        await foreach (var _ in Storage.Table.QueryAsync<Azure.Data.Tables.TableEntity>())
        {
            rows++;
        }

        return rows;
    }

    public void Dispose()
    {
        Arm.Dispose();
        Alerts.Dispose();
        _http.Dispose();
        _events.DeleteIfExists();
        Storage.Actions.DeleteIfExists();
        Storage.Poison.DeleteIfExists();
        Storage.Table.Delete();
        Logs.Dispose();
    }

    private static async Task<bool> PumpOnceAsync(QueueClient queue, Func<BinaryData, Task> handle)
    {
        var messages = (await queue.ReceiveMessagesAsync(32, TimeSpan.FromSeconds(30))).Value;
        foreach (var message in messages)
        {
            await handle(message.Body);
            await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt);
        }

        return messages.Length > 0;
    }

    private static async Task<int> CountAsync(QueueClient queue) =>
        (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount;
}
