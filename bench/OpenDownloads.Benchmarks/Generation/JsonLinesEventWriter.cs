using System.Text.Json;

namespace OpenDownloads.Benchmarks.Generation;

/// <summary>Writes generated events as JSON lines with oDL's field names, one object per line.</summary>
internal static class JsonLinesEventWriter
{
    private static readonly JsonWriterOptions Options = new() { SkipValidation = true };

    public static void Write(Stream output, IEnumerable<GeneratedEvent> events)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(events);
        using var json = new Utf8JsonWriter(output, Options);
        foreach (var e in events)
        {
            json.WriteStartObject();
            json.WriteString("ip", e.Ip);
            json.WriteString("user_agent", e.UserAgent);
            json.WriteString("referer", e.Referer);
            json.WriteString("http_method", e.HttpMethod);
            json.WriteString("timestamp", e.Timestamp);
            json.WriteString("episode_id", e.EpisodeId);
            WriteNumber(json, "byte_range_start", e.RangeStart);
            WriteNumber(json, "byte_range_end", e.RangeEnd);
            json.WriteEndObject();
            json.Flush();
            output.WriteByte((byte)'\n');

            // A fresh writer state per line: the next object is a new JSON document, not a sibling.
            json.Reset();
        }
    }

    private static void WriteNumber(Utf8JsonWriter json, string name, int? value)
    {
        if (value is { } number)
        {
            json.WriteNumber(name, number);
        }
        else
        {
            json.WriteNull(name);
        }
    }
}
