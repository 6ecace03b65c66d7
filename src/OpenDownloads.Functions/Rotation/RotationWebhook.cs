using System.Net;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;
using OpenDownloads.Rotation.Webhook;

namespace OpenDownloads.Functions.Rotation;

/// <summary>
/// The HTTP delivery path for an Event Grid webhook subscription (POST /api/rotation/events?key=…, or the key in an
/// x-rotation-key delivery header). Anonymous at the host: the shared key is checked, in constant time, by the handler.
/// </summary>
internal sealed class RotationWebhook(WebhookHandler handler)
{
    [Function(nameof(RotationWebhook))]
    public async Task<HttpResponseData> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", "options", Route = "rotation/events")]
        HttpRequestData request,
        CancellationToken cancellationToken)
    {
        string? Header(string name) =>
            request.Headers.TryGetValues(name, out var found) ? found.FirstOrDefault() : null;
        var key = Header("x-rotation-key") ?? request.Query["key"];
        var body = await BinaryData.FromStreamAsync(request.Body, cancellationToken);
        var reply = await handler.HandleAsync(
            new WebhookRequest(request.Method, Header, key, body),
            cancellationToken);

        var response = request.CreateResponse((HttpStatusCode)reply.Status);
        foreach (var (name, value) in reply.Headers)
        {
            response.Headers.Add(name, value);
        }

        if (reply.JsonBody is not null)
        {
            response.Headers.Add("Content-Type", "application/json");
            await response.WriteStringAsync(reply.JsonBody, cancellationToken);
        }

        return response;
    }
}
