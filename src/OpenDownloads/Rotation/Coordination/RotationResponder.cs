using System.Diagnostics;
using Microsoft.Extensions.Logging;
using OpenDownloads.Rotation.Alerts;
using OpenDownloads.Rotation.Configuration;
using OpenDownloads.Rotation.Consumers;
using OpenDownloads.Rotation.Events;

namespace OpenDownloads.Rotation.Coordination;

/// <summary>
/// The first stage, shared by the queue trigger, the webhook and odl rotation simulate: reads a message's events,
/// ignores what is unknown or unconfigured (with a log line), alerts on expiry warnings, matches changes to
/// enabled consumers, refuses the responder's own app, and hands each consumer's changes to the dispatcher once.
/// </summary>
internal sealed class RotationResponder(
    RotationSettings settings,
    IConsumerDispatcher dispatcher,
    IChangeLedger ledger,
    IAlertSink alerts,
    ILogger<RotationResponder> logger)
{
    /// <summary>Handles every event of <paramref name="body"/>; returns how many consumers were dispatched.</summary>
    /// <exception cref="FormatException">The body is not an event or array of events.</exception>
    public async Task<int> HandleAsync(BinaryData body, CancellationToken cancellationToken)
    {
        IReadOnlyList<RotationEvent> events;
        try
        {
            events = RotationEventParser.Parse(body);
        }
        catch (FormatException error)
        {
            Log.MessageUnreadable(logger, error.Message);
            throw;
        }

        Log.MessageStarting(logger, events.Count);
        var started = Stopwatch.GetTimestamp();
        var byConsumer = new Dictionary<Consumer, List<SecretChange>>();
        var optedOut = new HashSet<Consumer>();
        foreach (var item in events)
        {
            if (Admit(item) is { } change)
            {
                if (item.Kind.IsExpiryWarning())
                {
                    await WarnAsync(item, change, cancellationToken).ConfigureAwait(false);
                    continue;
                }

                Match(change, byConsumer, optedOut);
            }
        }

        foreach (var (consumer, changes) in byConsumer)
        {
            if (settings.Self is { } self && consumer.Resource.SameTarget(self))
            {
                await RefuseSelfAsync(consumer, changes, cancellationToken).ConfigureAwait(false);
                continue;
            }

            await dispatcher.DispatchAsync(consumer, changes, cancellationToken).ConfigureAwait(false);
        }

        Log.MessageHandled(logger, events.Count, byConsumer.Count, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return byConsumer.Count;
    }

    /// <summary>The change an event names, or null (with a log line) when it is not one to act or warn on.</summary>
    private SecretChange? Admit(RotationEvent item)
    {
        if (item.Kind == RotationEventKind.SubscriptionValidation)
        {
            Log.ValidationOutsideWebhook(logger, item.Id);
            return null;
        }

        if (item.Kind == RotationEventKind.Unknown)
        {
            if (item.Problem is not null)
            {
                Log.EventMalformed(logger, Label(item), PrintableText.Of(item.EventType), item.Problem);
            }
            else if (item.EventType.Length == 0)
            {
                Log.EventWithoutType(logger, Label(item));
            }
            else
            {
                Log.EventTypeIgnored(logger, Label(item), PrintableText.Of(item.EventType));
            }

            return null;
        }

        if (item.Store is { } store && !settings.Consumers.Knows(store))
        {
            var named = PrintableText.Of(store.ToString());
            Log.EventStoreIgnored(logger, Label(item), PrintableText.Of(item.EventType), named);
            return null;
        }

        if (item.Change is null)
        {
            var problem = item.Problem ?? "it names no change";
            Log.EventMalformed(logger, Label(item), PrintableText.Of(item.EventType), problem);
        }

        return item.Change;
    }

    /// <summary>How an event is named in a log line: its id from the event (escaped), or that it has none.</summary>
    private static string Label(RotationEvent item) =>
        item.Id.Length == 0 ? "without id" : PrintableText.Of(item.Id);

    private void Match(
        SecretChange change,
        Dictionary<Consumer, List<SecretChange>> byConsumer,
        HashSet<Consumer> optedOut)
    {
        var dependents = settings.Consumers.DependentsOf(change);
        if (dependents.Count == 0)
        {
            Log.ChangeUnmatched(logger, change.PrintableKey);
        }

        foreach (var consumer in dependents)
        {
            if (!consumer.Enabled)
            {
                // Once per consumer and message: Event Grid's duplicates would repeat the same line otherwise.
                if (optedOut.Add(consumer))
                {
                    Log.ConsumerOptedOut(logger, consumer.Name, change.PrintableKey);
                }

                continue;
            }

            if (!byConsumer.TryGetValue(consumer, out var list))
            {
                byConsumer[consumer] = list = [];
            }

            if (list.TrueForAll(held => held.Key != change.Key))
            {
                list.Add(change);
            }
        }
    }

    private async Task WarnAsync(RotationEvent item, SecretChange change, CancellationToken cancellationToken)
    {
        Log.ExpiryWarning(logger, PrintableText.Of(item.EventType), change.PrintableKey);
        var marker = $"alert-{item.Kind}";
        if (settings.DryRun || await ledger.IsHandledAsync(change, marker, cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        var readers = settings.Consumers.DependentsOf(change).Select(consumer => consumer.Name).ToList();
        var text = $"{item.EventType}: secret {change.Name} (version {change.Version}) in vault {change.Store.Name}. "
            + $"Consumers: {(readers.Count == 0 ? "none configured" : string.Join(", ", readers))}. No restart "
                + "was made.";
        await alerts.PostAsync(new RotationAlert($"Key Vault secret {change.Name} "
            + $"{ExpiryWord(item.Kind)}", text, AlertSeverity.Warning), cancellationToken)
            .ConfigureAwait(false);
        await ledger.RecordAsync([change], marker, "Alerted", cancellationToken).ConfigureAwait(false);
    }

    private async Task RefuseSelfAsync(
        Consumer consumer,
        List<SecretChange> changes,
        CancellationToken cancellationToken)
    {
        Log.SelfActionRefused(logger, consumer.Name, consumer.Resource.Path);
        if (settings.DryRun)
        {
            return;
        }

        var pending = await Pending.FilterAsync(ledger, consumer, changes, logger, cancellationToken)
            .ConfigureAwait(false);
        if (pending.Count == 0)
        {
            return;
        }

        var text = $"Consumer {consumer.Name} ({consumer.Resource.Path}) is the app this responder runs in, so "
            + "it was not "
            + $"restarted for: {string.Join(", ", pending.Select(change => change.Key))}. Restart it by hand "
                + "when convenient.";
        await alerts.PostAsync(new RotationAlert($"Rotation responder left its own app {consumer.Name} "
            + "alone", text, AlertSeverity.Warning), cancellationToken)
            .ConfigureAwait(false);
        await ledger.RecordAsync(pending, consumer.Name, "RefusedSelf", cancellationToken).ConfigureAwait(false);
    }

    private static string ExpiryWord(RotationEventKind kind) =>
        kind == RotationEventKind.SecretExpired ? "expired" : "expires within 30 days";
}
