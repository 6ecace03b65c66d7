using System.IO.Compression;
using System.Text;
using OpenDownloads.Counting.Readers;
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

        var bodies = ReadBodies(path, content, text, format, mapping);
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
        FieldMapping mapping)
    {
        var chosen = format ?? LogFormatDetector.FromName(path) ?? LogFormatDetector.FromContent(content);

        // An explicit JSON format still holds one of the stream's JSON shapes: an envelope, JSON lines or a document.
        var isJson = format is null or LogFormat.Json;
        if (isJson && EventShapeDetector.Detect(text) == EventShape.AzureMonitor && !IsJsonLines(text))
        {
            return AzureMonitorFile.Envelopes(content, path);
        }

        if (chosen == LogFormat.JsonLines || (format is null && IsCombinedLog(text))
            || (format == LogFormat.Json && IsJsonLines(text)))
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
        catch (InvalidDataException) when (format is null && chosen is LogFormat.Csv or LogFormat.Tsv)
        {
            // Text whose first line is neither a header nor a combined line (a comment, a cut line): each line goes
            // as its own event, as a log shipper would send it, and the stream path counts or dead-letters each.
            return Lines(content, path);
        }
        catch (InvalidDataException error)
        {
            // The file is not what it claims (a broken Avro header): what was read counts, the rest is one rejection.
            bodies.Add(Unreadable(new RecordLocation(path, 0, 0), error.Message));
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

    private static bool IsJsonLines(ReadOnlySpan<byte> text) =>
        LogFormatDetector.FromContent(text) == LogFormat.JsonLines;

    private static bool IsCombinedLog(ReadOnlySpan<byte> text)
    {
        var end = text.IndexOf((byte)'\n');
        var first = Encoding.UTF8.GetString(end >= 0 ? text[..end] : text).TrimEnd('\r');
        return CombinedLogLine.Parse(first, new RecordLocation("first line", 1, 1)).ReadError is null;
    }

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
