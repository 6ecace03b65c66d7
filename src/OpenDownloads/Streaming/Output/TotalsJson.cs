using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using OpenDownloads.Counting;
using OpenDownloads.Streaming.Counters;
using OpenDownloads.Streaming.Days;

namespace OpenDownloads.Streaming.Output;

/// <summary>
/// Writes a day's totals: <c>odl count --json</c>'s summary with the day, whether it is final, when it closes, when
/// it was written, and the late requests.
/// </summary>
internal static class TotalsJson
{
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static byte[] Render(
        StreamDay day,
        CountReport report,
        RecordTally tally,
        bool final,
        DateTimeOffset closeAt,
        DateTimeOffset updatedAt)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, Options))
        {
            writer.WriteStartObject();
            writer.WriteString("day", day.Start.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
            writer.WriteBoolean("final", final);
            writer.WriteString("closes_at", closeAt.ToUniversalTime());
            writer.WriteString("updated_at", updatedAt.ToUniversalTime());
            writer.WriteNumber("events", report.Events);
            writer.WriteNumber("denied_ip", report.DeniedIp);
            writer.WriteNumber("bots", report.Bots);
            writer.WriteNumber("rejected", report.Rejected);
            writer.WriteNumber("late", tally.Late);
            writer.WriteNumber("total", report.Total);
            Counts(writer, "by_episode", report.ByEpisode);
            Counts(writer, "by_app", report.ByApp);
            Counts(writer, "by_hour", report.ByHour.Select(h => new KeyValuePair<string, long>(
                h.Key.ToString("yyyy-MM-dd'T'HH':00:00Z'", CultureInfo.InvariantCulture), h.Value)));
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private static void Counts(Utf8JsonWriter writer, string name, IEnumerable<KeyValuePair<string, long>> counts)
    {
        writer.WriteStartObject(name);
        foreach (var (key, value) in counts)
        {
            writer.WriteNumber(key, value);
        }

        writer.WriteEndObject();
    }
}
