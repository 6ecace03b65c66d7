using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;

namespace OpenDownloads.Rotation.Alerts;

/// <summary>
/// Posts alerts to an incoming webhook as JSON both Slack (which reads "text") and Teams connectors (which read
/// the MessageCard fields "title", "text", "summary", "themeColor") accept.
/// </summary>
internal sealed class WebhookAlertSink(HttpClient http, Uri? webhook, ILogger<WebhookAlertSink> logger) : IAlertSink
{
    public async Task PostAsync(RotationAlert alert, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(alert);
        if (webhook is null)
        {
            Log.AlertNotConfigured(logger, alert.Title);
            return;
        }

        try
        {
            using var response = await http.PostAsJsonAsync(webhook, ToCard(alert), cancellationToken)
                .ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                Log.AlertFailed(logger, alert.Title, $"the webhook answered {(int)response.StatusCode}");
                return;
            }

            Log.AlertPosted(logger, alert.Title, (int)response.StatusCode);
        }
        catch (Exception error) when (error is HttpRequestException or TaskCanceledException)
        {
            Log.AlertFailed(logger, alert.Title, error.Message);
        }
    }

    public static JsonObject ToCard(RotationAlert alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        return new JsonObject
        {
            ["@type"] = "MessageCard",
            ["@context"] = "https://schema.org/extensions",
            ["summary"] = alert.Title,
            ["title"] = alert.Title,
            ["themeColor"] = alert.Severity == AlertSeverity.Error ? "D13438" : "FFB900",
            ["text"] = $"*{alert.Title}*\n{alert.Text}",
        };
    }
}
