using System.Text;
using System.Text.Json;

namespace OpenDownloads.Counting.Readers.AzureMonitor;

/// <summary>
/// Azure Monitor's diagnostic envelope, <c>{"records": [...]}</c>, in files: telling one from its first bytes,
/// and cutting a file into one envelope per record, as diagnostic settings would send them, each with the file line
/// its record starts on. A file that is not valid JSON from its start stays one body, which the envelope reader
/// rejects with the parser's reason; one that breaks later keeps the records before the break, and the rest is one
/// error.
/// </summary>
public static class AzureMonitorEnvelope
{
    private static readonly JsonReaderOptions Options = new() { CommentHandling = JsonCommentHandling.Skip };

    /// <summary>Whether <paramref name="json"/> starts with an object that has a top-level <c>records</c> property
    /// (an array, or anything else, which is then a broken envelope).</summary>
    public static bool Starts(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json, Options);
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("records"u8))
                {
                    return true;
                }

                reader.Read();
                reader.Skip();
            }
        }
        catch (Exception error) when (error is JsonException or InvalidOperationException)
        {
            // Broken, cut by the end of the bytes looked at before a records property, or a name whose escape is a
            // lone surrogate (which cannot be compared): not known as an envelope.
        }

        return false;
    }

    /// <summary>Whether <paramref name="line"/> is an envelope whose records array is empty.</summary>
    public static bool IsEmpty(ReadOnlySpan<byte> line)
    {
        var reader = new Utf8JsonReader(line, Options);
        try
        {
            return SeekRecords(ref reader) && reader.Read() && reader.TokenType == JsonTokenType.EndArray;
        }
        catch (Exception error) when (error is JsonException or InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>Cuts a <c>{"records": [...]}</c> file into one envelope per record.</summary>
    public static List<EnvelopePart> Split(ReadOnlyMemory<byte> content, string path)
    {
        var parts = new List<EnvelopePart>();
        var (counted, line) = (0, 1L);
        var json = content.Span.StartsWith("\uFEFF"u8) ? content[3..] : content;
        var reader = new Utf8JsonReader(json.Span, Options);
        try
        {
            if (!SeekRecords(ref reader))
            {
                return [new EnvelopePart(content, new RecordLocation(path, 1, 1))];
            }

            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                var start = (int)reader.TokenStartIndex;
                reader.Skip();
                var end = (int)reader.BytesConsumed;
                var record = Encoding.UTF8.GetString(json.Span[start..end]);
                line += json.Span[counted..start].Count((byte)'\n');
                counted = start;
                var origin = new RecordLocation(path, line, parts.Count + 1);
                parts.Add(new EnvelopePart(Encoding.UTF8.GetBytes($"{{\"records\":[{record}]}}"), origin));
            }
        }
        catch (Exception error) when ((error is JsonException or InvalidOperationException) && parts.Count > 0)
        {
            var rest = new RecordLocation(path, line, parts.Count + 1);
            var reason = $"The Azure Monitor file '{path}' is not valid JSON after its record {parts.Count}: "
                + error.Message;
            parts.Add(new EnvelopePart(ReadOnlyMemory<byte>.Empty, rest, reason));
        }
        catch (Exception error) when (error is JsonException or InvalidOperationException)
        {
            return [new EnvelopePart(content, new RecordLocation(path, 1, 1))];
        }

        return parts;
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
