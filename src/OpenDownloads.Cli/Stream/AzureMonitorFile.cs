using System.Text;
using System.Text.Json;
using OpenDownloads.Counting.Readers;
using OpenDownloads.Streaming.Replay;

namespace OpenDownloads.Cli.Streaming;

/// <summary>
/// Splits an Azure Monitor <c>{"records": [...]}</c> file into one envelope per record, as diagnostic settings
/// would send them, each with the file line its record starts on. A file that is not valid JSON from its start goes
/// as one body, which the stream path dead-letters with the parser's reason; one that breaks later keeps the records
/// before the break, and the rest is one rejection.
/// </summary>
internal static class AzureMonitorFile
{
    public static List<ReplayBody> Envelopes(byte[] content, string path)
    {
        var bodies = new List<ReplayBody>();
        var (counted, line) = (0, 1L);
        var json = content.AsSpan().StartsWith("\uFEFF"u8) ? content.AsMemory(3) : content.AsMemory();
        var options = new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip };
        var reader = new Utf8JsonReader(json.Span, options);
        try
        {
            if (!SeekRecords(ref reader))
            {
                return [new ReplayBody(content, new RecordLocation(path, 1, 1), null)];
            }

            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                var start = (int)reader.TokenStartIndex;
                reader.Skip();
                var end = (int)reader.BytesConsumed;
                var record = Encoding.UTF8.GetString(json.Span[start..end]);
                line += json.Span[counted..start].Count((byte)'\n');
                counted = start;
                var origin = new RecordLocation(path, line, bodies.Count + 1);
                bodies.Add(new ReplayBody(Encoding.UTF8.GetBytes($"{{\"records\":[{record}]}}"), origin, null));
            }
        }
        catch (JsonException error) when (bodies.Count > 0)
        {
            var rest = new RecordLocation(path, line, bodies.Count + 1);
            var reason = $"The Azure Monitor file '{path}' is not valid JSON after its record {bodies.Count}: "
                + error.Message;
            bodies.Add(new ReplayBody(ReadOnlyMemory<byte>.Empty, rest, null, reason));
        }
        catch (JsonException)
        {
            return [new ReplayBody(content, new RecordLocation(path, 1, 1), null)];
        }

        return bodies;
    }

    /// <summary>Whether <paramref name="line"/> is an envelope whose records array is empty.</summary>
    public static bool IsEmptyEnvelope(ReadOnlySpan<byte> line)
    {
        var reader = new Utf8JsonReader(line, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
        try
        {
            return SeekRecords(ref reader) && reader.Read() && reader.TokenType == JsonTokenType.EndArray;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    // Moves to the first top-level records array, as the stream path's shape detector finds it.
    private static bool SeekRecords(ref Utf8JsonReader reader)
    {
        reader.Read();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isRecords = reader.ValueTextEquals("records"u8);
            reader.Read();
            if (isRecords && reader.TokenType == JsonTokenType.StartArray)
            {
                return true;
            }

            reader.Skip();
        }

        return false;
    }
}
