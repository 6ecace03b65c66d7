using System.Globalization;
using System.Text.Json;

namespace OpenDownloads.Rotation.Events;

/// <summary>
/// Reads Key Vault and App Configuration events from a queue message or webhook body: Event Grid or CloudEvents
/// schema, one event or an array, Base64 or raw JSON, data keys in any casing. A hand-written reader over
/// <see cref="JsonDocument"/> rather than the SDK's typed models, which leave camelCase payloads all null.
/// </summary>
internal static class RotationEventParser
{
    /// <summary>Reads every event in <paramref name="body"/>, in order.</summary>
    /// <exception cref="FormatException">The body is not JSON, Base64-encoded JSON, an object or an array.</exception>
    public static IReadOnlyList<RotationEvent> Parse(BinaryData body)
    {
        var json = MessageText.ToJson(body);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException error)
        {
            throw new FormatException($"The message is not valid JSON ({error.Message}); expected an event or "
                + "array.", error);
        }

        using (document)
        {
            var root = document.RootElement;
            return root.ValueKind switch
            {
                JsonValueKind.Object => [Read(root)],
                JsonValueKind.Array => [.. root.EnumerateArray().Select(Read)],
                _ => throw new FormatException(
                    $"The message is a JSON {root.ValueKind}; expected an event object or an array of events."),
            };
        }
    }

    private static RotationEvent Read(JsonElement envelope)
    {
        if (envelope.ValueKind != JsonValueKind.Object)
        {
            return Unreadable($"an array item is a JSON {envelope.ValueKind}, not an event object");
        }

        var cloud = JsonFields.Find(envelope, "specversion") is not null;
        var type = JsonFields.Text(envelope, cloud ? "type" : "eventType") ?? string.Empty;
        var topic = JsonFields.Text(envelope, cloud ? "source" : "topic");
        var subject = JsonFields.Text(envelope, "subject");
        var data = EventData.Read(envelope);
        var header = new RotationEvent
        {
            Id = JsonFields.Text(envelope, "id") ?? string.Empty,
            EventType = type,
            Kind = RotationEventKinds.FromType(type),
            Schema = cloud ? EventSchema.CloudEvents : EventSchema.EventGrid,
        };

        var read = header.Kind switch
        {
            RotationEventKind.SubscriptionValidation => header with
            {
                ValidationCode = data is { } d ? JsonFields.Text(d, "validationCode") : null,
            },
            RotationEventKind.SecretNewVersionCreated
                or RotationEventKind.SecretNearExpiry
                or RotationEventKind.SecretExpired => KeyVaultEventReader.Complete(header, topic, subject, data),
            RotationEventKind.KeyValueModified or RotationEventKind.KeyValueDeleted =>
                AppConfigurationEventReader.Complete(header, topic, subject, data),
            _ => header,
        };
        return read.Change is { } change
            ? read with { Change = change with { OccurredAt = EventTime(envelope, cloud) } }
            : read;
    }

    private static DateTimeOffset? EventTime(JsonElement envelope, bool cloud) =>
        JsonFields.Text(envelope, cloud ? "time" : "eventTime") is { } text
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var time)
            ? time
            : null;

    private static RotationEvent Unreadable(string problem) => new()
    {
        Id = string.Empty,
        EventType = string.Empty,
        Kind = RotationEventKind.Unknown,
        Schema = EventSchema.EventGrid,
        Problem = problem,
    };
}
