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
/// keeps the file and line (or record) it came from, for its dead letter.
/// </summary>
internal static class StreamInputs
{
    public static List<ReplayBody> Read(
        string path,
        LogFormat? format,
        FieldMapping mapping,
        Action<string> onUnreadable,
        Action<string> onWarning)
    {
        var content = ReadAll(path);
        var text = EventShapeDetector.TrimStart(content);
        if (text.IsEmpty)
        {
            onWarning($"{path} is empty; it holds no events.");
            return [];
        }

        var bodies = ReadBodies(path, content, text, format, mapping, onUnreadable);
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
        Action<string> onUnreadable)
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
                    onUnreadable($"{record.Location}: {error}");

                    // Sent as text no reader takes, so the stream path rejects and counts it as odl count does.
                    var unreadable = Encoding.UTF8.GetBytes("unreadable record: " + error);
                    bodies.Add(new ReplayBody(unreadable, record.Location, null));
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

        return bodies;
    }

    private static byte[] ReadAll(string path)
    {
        using var file = File.OpenRead(path);
        using var buffer = new MemoryStream();
        var magic = new byte[2];
        var read = file.Read(magic);
        file.Position = 0;
        var gzip = read == 2 && magic is [0x1f, 0x8b];
        using (var input = gzip ? new GZipStream(file, CompressionMode.Decompress) : (Stream)file)
        {
            input.CopyTo(buffer);
        }

        return buffer.ToArray();
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
