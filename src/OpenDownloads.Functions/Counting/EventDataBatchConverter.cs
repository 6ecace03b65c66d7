using Azure.Core.Amqp;
using Azure.Messaging.EventHubs;
using Microsoft.Azure.Functions.Worker.Converters;
using Microsoft.Azure.Functions.Worker.Core;
using Microsoft.Azure.Functions.Worker.Extensions.Abstractions;

namespace OpenDownloads.Functions.Counting;

/// <summary>
/// Turns what the Event Hubs host extension sends for a batch, one AMQP message per event
/// (<c>AzureEventHubsEventData</c>, <c>application/octet-stream</c>), into <see cref="EventData"/>, with the body,
/// sequence number, offset and enqueued time the message carries.
/// </summary>
// The analyzer guards app code against marking output bindings; this is the converter an extension ships, where the
// SDK's generator looks for the mark to ask the host for the events' AMQP bytes instead of their bodies as text.
#pragma warning disable AZFW0009
[SupportsDeferredBinding]
#pragma warning restore AZFW0009
[SupportedTargetType(typeof(EventData[]))]
internal sealed class EventDataBatchConverter : IInputConverter
{
    public const string BindingSource = "AzureEventHubsEventData";
    public const string ContentType = "application/octet-stream";

    public ValueTask<ConversionResult> ConvertAsync(ConverterContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        try
        {
            var result = context.Source switch
            {
                CollectionModelBindingData batch =>
                    ConversionResult.Success(batch.ModelBindingData.Select(Convert).ToArray()),
                ModelBindingData single => ConversionResult.Success(new[] { Convert(single) }),
                _ => ConversionResult.Unhandled(),
            };
            return new ValueTask<ConversionResult>(result);
        }
        catch (InvalidOperationException error)
        {
            return new ValueTask<ConversionResult>(ConversionResult.Failed(error));
        }
    }

    private static EventData Convert(ModelBindingData binding)
    {
        if (binding.Source != BindingSource || binding.ContentType != ContentType)
        {
            throw new InvalidOperationException(
                $"The trigger sent '{binding.Source}' data as '{binding.ContentType}'; expected {BindingSource} as "
                + $"{ContentType}.");
        }

        return new EventData(AmqpAnnotatedMessage.FromBytes(binding.Content));
    }
}
