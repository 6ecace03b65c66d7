using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using OpenDownloads.Counting.Output;

namespace OpenDownloads.Cli.Streaming;

/// <summary>
/// Writes <c>odl stream</c>'s summary: <c>odl count</c>'s summary of the closed days, then the late requests and
/// the days left open with their provisional totals. The JSON form always has <c>late</c> and <c>open_days</c>;
/// the text form adds its lines only when there is something to say, so a full replay prints what
/// <c>odl count</c> prints.
/// </summary>
internal static class StreamSummary
{
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Json(ReplayOutcome outcome)
    {
        var summary = JsonNode.Parse(CountReportJson.Render(outcome.Report))!.AsObject();
        summary["late"] = outcome.Late;
        summary["open_days"] = new JsonArray([.. outcome.OpenDays.Select(day => day.DeepClone())]);
        return summary.ToJsonString(Options) + "\n";
    }

    public static string Text(ReplayOutcome outcome)
    {
        var text = new StringBuilder(CountReportText.Render(outcome.Report));
        if (outcome.Late > 0)
        {
            text.Append(CultureInfo.InvariantCulture,
                $"\nLate requests, not counted (arrived after their day closed; dead-lettered): {outcome.Late}\n");
        }

        if (outcome.OpenDays.Count > 0)
        {
            text.Append("\nDays left open (provisional totals, not in the counts above):\n");
            foreach (var day in outcome.OpenDays)
            {
                var closesAt = day["closes_at"]?.GetValue<DateTimeOffset>().UtcDateTime;
                text.Append(CultureInfo.InvariantCulture,
                    $"  {day["day"]}  {day["total"]} downloads from {day["events"]} events, {day["late"]} late; "
                    + $"closes at {closesAt:yyyy-MM-dd'T'HH:mm:ss'Z'}\n");
            }
        }

        return text.ToString();
    }
}
