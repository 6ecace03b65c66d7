using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace OpenDownloads.Counting.Output;

/// <summary>
/// Writes the machine-readable summary of a count: exactly <c>events</c>, <c>denied_ip</c>, <c>bots</c>,
/// <c>rejected</c>, <c>total</c>, <c>by_episode</c>, <c>by_app</c> and <c>by_hour</c>, in that order.
/// </summary>
public static class CountReportJson
{
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Returns the summary as JSON text.</summary>
    public static string Render(CountReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, Options))
        {
            writer.WriteStartObject();
            writer.WriteNumber("events", report.Events);
            writer.WriteNumber("denied_ip", report.DeniedIp);
            writer.WriteNumber("bots", report.Bots);
            writer.WriteNumber("rejected", report.Rejected);
            writer.WriteNumber("total", report.Total);
            WriteCounts(writer, "by_episode", report.ByEpisode);
            WriteCounts(writer, "by_app", report.ByApp);
            WriteCounts(writer, "by_hour", report.ByHour.Select(h => new KeyValuePair<string, long>(
                h.Key.ToString("yyyy-MM-dd'T'HH':00:00Z'", CultureInfo.InvariantCulture), h.Value)));
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteCounts(Utf8JsonWriter writer, string name, IEnumerable<KeyValuePair<string, long>> counts)
    {
        writer.WriteStartObject(name);
        foreach (var (key, value) in counts)
        {
            writer.WriteNumber(key, value);
        }

        writer.WriteEndObject();
    }
}
