using System.IO.Compression;
using OpenDownloads.Counting.Readers;
using OpenDownloads.Counting.Readers.Combined;
using OpenDownloads.Streaming.Input;
using OpenDownloads.Streaming.Replay;

namespace OpenDownloads.Cli.Streaming;

/// <summary>
/// Turns log files into the event bodies a producer would send: each line of JSON lines or combined log text as
/// it is, each record of an Azure Monitor <c>{"records": [...]}</c> file in its own envelope, and each record of
/// the files <c>odl count</c> reads (Avro, CSV, TSV, JSON arrays, OP3 exports) as one oDL event object. Each body
/// keeps the file and line (or record) it came from, for its dead letter. A record the file's reader cannot read,
/// or a file that cannot be read at all, becomes one event that carries the reader's reason, which the stream path
/// rejects and dead-letters with that reason, as <c>odl count</c> rejects it.
/// </summary>
internal static class StreamInputs
{
    public static List<ReplayBody> Read(
        string path,
        LogFormat? format,
        FieldMapping mapping,
        Action<string> onWarning)
    {
        byte[] content;
        try
        {
            content = ReadAll(path);
        }
        catch (InvalidDataException error)
        {
            // A gzip file cut short or corrupt: the file as a whole is one rejection, as in odl count.
            return [Unreadable(new RecordLocation(path, 0, 0), error.Message)];
        }

        var text = EventShapeDetector.TrimStart(content);
        if (text.IsEmpty)
        {
            onWarning($"{path} is empty; it holds no events.");
            return [];
        }

        var bodies = ReadBodies(path, content, text, format, mapping, onWarning);
        if (bodies.Count == 0)
        {
            onWarning($"{path} holds no records; nothing was sent from it.");
        }

        return bodies;
    }

    private static List<ReplayBody> ReadBodies(
        string path,
        byte[] content,
        ReadOnlySpan<byte> text,
        LogFormat? format,
        FieldMapping mapping,
        Action<string> onWarning)
    {
        var chosen = format ?? LogFormatDetector.FromName(path) ?? LogFormatDetector.FromContent(content);

        // An explicit JSON format still holds an Azure Monitor envelope. JSON lines whose first line is an envelope
        // are Event Hubs capture files: each line goes as the envelope it is. Any other JSON lines are read as odl
        // count reads them, one event a line, and a combined log's lines go as they are.
        var isJson = format is null or LogFormat.Json or LogFormat.AzureMonitor;
        var isEnvelope = isJson && EventShapeDetector.Detect(text) == EventShape.AzureMonitor;
        if (isEnvelope && !IsJsonLines(text))
        {
            return AzureMonitorFile.Envelopes(content, path);
        }

        if (isEnvelope)
        {
            return EnvelopeLines(content, path, onWarning);
        }

        if (format is null && CombinedLogDetector.LooksCombined(text))
        {
            return Lines(content, path);
        }

        var bodies = new List<ReplayBody>();
        try
        {
            foreach (var record in LogInput.Read(new MemoryStream(content), path, chosen, mapping))
            {
                if (record.ReadError is { } error)
                {
                    bodies.Add(Unreadable(record.Location, error));
                }
                else
                {
                    bodies.Add(new ReplayBody(OdlEventJson.Serialize(record, mapping), record.Location, null));
                }
            }
        }
        catch (InvalidDataException error)
        {
            // The file is not what it claims (a broken Avro header, a CSV header naming no oDL field): what was read
            // counts and the rest is one rejection, as in odl count.
            bodies.Add(Unreadable(new RecordLocation(path, 0, 0), error.Message));
        }

        return bodies;
    }

    private static List<ReplayBody> EnvelopeLines(byte[] content, string path, Action<string> onWarning)
    {
        var bodies = Lines(content, path);
        foreach (var empty in bodies.Where(body => AzureMonitorFile.IsEmptyEnvelope(body.Body.Span)).ToList())
        {
            // An envelope with no records has nothing to count or reject; it is named rather than dropped unseen.
            onWarning($"{empty.Origin} is an Azure Monitor envelope with an empty records array; nothing was sent.");
            bodies.Remove(empty);
        }

        return bodies;
    }

    private static ReplayBody Unreadable(RecordLocation location, string reason) =>
        new(ReadOnlyMemory<byte>.Empty, location, null, reason);

    // Reads the whole file first and looks for the gzip magic in its bytes, so a pipe (/dev/stdin), which cannot
    // seek, reads as a file does.
    private static byte[] ReadAll(string path)
    {
        using var file = File.OpenRead(path);
        return ReadAll(file);
    }

    internal static byte[] ReadAll(Stream file)
    {
        byte[] raw;
        using (var buffer = new MemoryStream())
        {
            file.CopyTo(buffer);
            raw = buffer.ToArray();
        }

        if (raw is not [0x1f, 0x8b, ..])
        {
            return raw;
        }

        using var gzip = new GZipStream(new MemoryStream(raw), CompressionMode.Decompress);
        using var text = new MemoryStream();
        gzip.CopyTo(text);
        return text.ToArray();
    }

    private static bool IsJsonLines(ReadOnlySpan<byte> text) => LogFormatDetector.StartsWithJsonLine(text);

    private static List<ReplayBody> Lines(byte[] content, string path)
    {
        var bodies = new List<ReplayBody>();
        var start = 0;
        var lineNumber = 0L;
        for (var i = 0; i <= content.Length; i++)
        {
            if (i == content.Length || content[i] == (byte)'\n')
            {
                lineNumber++;
                var line = content.AsMemory(start, i - start);
                if (!line.Span.Trim(" \t\r"u8).IsEmpty)
                {
                    bodies.Add(new ReplayBody(line, new RecordLocation(path, lineNumber, bodies.Count + 1), null));
                }

                start = i + 1;
            }
        }

        return bodies;
    }
}
