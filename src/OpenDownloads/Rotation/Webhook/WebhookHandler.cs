using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using OpenDownloads.Rotation.Configuration;
using OpenDownloads.Rotation.Coordination;
using OpenDownloads.Rotation.Events;

namespace OpenDownloads.Rotation.Webhook;

/// <summary>
/// The HTTP delivery path: checks the shared key, answers Event Grid's validation handshake (a POST of a
/// SubscriptionValidationEvent) and CloudEvents' (an OPTIONS with WebHook-Request-Origin), and hands
/// notifications to the same responder as the queue trigger. Event Grid retries any answer but 2xx.
/// </summary>
internal sealed class WebhookHandler(
    RotationSettings settings,
    RotationResponder responder,
    ILogger<WebhookHandler> logger)
{
    public async Task<WebhookReply> HandleAsync(WebhookRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (settings.WebhookKey is null)
        {
            Log.WebhookRefused(logger, "no Rotation:WebhookKey is configured");
            return new WebhookReply(401);
        }

        if (!SharedKey.Matches(request.SuppliedKey, settings.WebhookKey))
        {
            Log.WebhookRefused(logger, request.SuppliedKey is null ? "no key was supplied" : "the key does not match");
            return new WebhookReply(401);
        }

        if (request.Method.Equals("OPTIONS", StringComparison.OrdinalIgnoreCase))
        {
            return CloudEventsHandshake(request);
        }

        if (!request.Method.Equals("POST", StringComparison.OrdinalIgnoreCase))
        {
            return new WebhookReply(405);
        }

        return await NotifyAsync(request, cancellationToken).ConfigureAwait(false);
    }

    private WebhookReply CloudEventsHandshake(WebhookRequest request)
    {
        var origin = request.Header("WebHook-Request-Origin");
        if (string.IsNullOrWhiteSpace(origin))
        {
            Log.WebhookRefused(logger, "an OPTIONS request without WebHook-Request-Origin");
            return new WebhookReply(400);
        }

        Log.WebhookValidated(logger, nameof(EventSchema.CloudEvents));
        return new WebhookReply(200)
        {
            Headers = new Dictionary<string, string>
            {
                ["WebHook-Allowed-Origin"] = origin.Trim(),
                ["WebHook-Allowed-Rate"] = "*",
            },
        };
    }

    private async Task<WebhookReply> NotifyAsync(WebhookRequest request, CancellationToken cancellationToken)
    {
        IReadOnlyList<RotationEvent> events;
        try
        {
            events = RotationEventParser.Parse(request.Body);
        }
        catch (FormatException error)
        {
            Log.WebhookRefused(logger, error.Message);
            return new WebhookReply(400);
        }

        var validation = events.FirstOrDefault(item => item.Kind == RotationEventKind.SubscriptionValidation);
        if (validation is not null)
        {
            if (validation.ValidationCode is null)
            {
                Log.WebhookRefused(logger, "a subscription validation event without a validation code");
                return new WebhookReply(400);
            }

            Log.WebhookValidated(logger, nameof(EventSchema.EventGrid));
            var answer = new JsonObject { ["validationResponse"] = validation.ValidationCode };
            return new WebhookReply(200, answer.ToJsonString());
        }

        await responder.HandleAsync(request.Body, cancellationToken).ConfigureAwait(false);
        return new WebhookReply(200);
    }
}
