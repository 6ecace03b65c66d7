using Microsoft.Azure.Functions.Worker.Converters;
using Microsoft.Azure.Functions.Worker.Extensions.Abstractions;

namespace OpenDownloads.Functions.Counting;

/// <summary>
/// Declares an Event Hubs trigger for the Functions host, in the shape of the worker extension's own attribute: its
/// name makes the binding type <c>eventHubTrigger</c>, and its properties become the binding's
/// <c>eventHubName</c>, <c>consumerGroup</c>, <c>connection</c> and <c>cardinality</c>. The events arrive as the
/// host's AMQP messages and <see cref="EventDataBatchConverter"/> turns them into <c>EventData</c>.
/// </summary>
[BindingCapabilities(KnownBindingCapabilities.FunctionLevelRetry)]
[InputConverter(typeof(EventDataBatchConverter))]
[ConverterFallbackBehavior(ConverterFallbackBehavior.Disallow)]
[AttributeUsage(AttributeTargets.Parameter)]
internal sealed class EventHubTriggerAttribute : TriggerBindingAttribute, ISupportCardinality
{
    private bool _isBatched = true;

    /// <summary>Initializes the attribute for the hub named <paramref name="eventHubName"/> (or a %setting%).</summary>
    public EventHubTriggerAttribute(string eventHubName)
    {
        EventHubName = eventHubName;
    }

    /// <summary>Gets the event hub, or a <c>%setting%</c> naming it.</summary>
    public string EventHubName { get; }

    /// <summary>Gets or sets the consumer group; the host's default is <c>$Default</c>.</summary>
    public string? ConsumerGroup { get; set; }

    /// <summary>Gets or sets the setting (or section, for a managed identity) with the Event Hubs connection.</summary>
    public string? Connection { get; set; }

    /// <summary>Gets or sets whether events come in batches (cardinality <c>many</c>).</summary>
    [DefaultValue(true)]
    public bool IsBatched
    {
        get => _isBatched;
        set => _isBatched = value;
    }

    /// <inheritdoc/>
    Cardinality ISupportCardinality.Cardinality
    {
        get => _isBatched ? Cardinality.Many : Cardinality.One;
        set => _isBatched = value == Cardinality.Many;
    }
}
