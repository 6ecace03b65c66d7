using System.IO.Compression;
using System.Text;
using System.Text.Json;
using OpenDownloads.Counting.Readers;
using OpenDownloads.Streaming.Input;

namespace OpenDownloads.Cli.Streaming;

/// <summary>
/// Turns log files into the event bodies a producer would send: each line of JSON lines or combined log text as
/// it is, each record of an Azure Monitor <c>{"records": [...]}</c> file in its own envelope, and each record of
/// the files <c>odl count</c> reads (Avro, CSV, TSV, JSON arrays, OP3 exports) as one oDL event object.
/// </summary>
internal static class StreamInputs
{
    public static List<ReadOnlyMemory<byte>> Read(
        string path,
        LogFormat? format,
        FieldMapping mapping,
        Action<string> onUnreadable)
    {
        var content = ReadAll(path);
        var chosen = format ?? LogFormatDetector.FromName(path) ?? LogFormatDetector.FromContent(content);
        var text = EventShapeDetector.TrimStart(content);
        if (format is null && EventShapeDetector.Detect(text) == EventShape.AzureMonitor && !IsJsonLines(text))
        {
            return Envelopes(content);
        }

        if (chosen == LogFormat.JsonLines || (format is null && IsCombinedLog(text)))
        {
            return Lines(content);
        }

        var bodies = new List<ReadOnlyMemory<byte>>();
        try
        {
            foreach (var record in LogInput.Read(new MemoryStream(content), path, chosen, mapping))
            {
                if (record.ReadError is { } error)
                {
                    onUnreadable($"{record.Location}: {error}");

                    // Sent as text no reader takes, so the stream path rejects and counts it as odl count does.
                    bodies.Add(Encoding.UTF8.GetBytes("unreadable record: " + error));
                }
                else
                {
                    bodies.Add(OdlEventJson.Serialize(record, mapping));
                }
            }
        }
        catch (InvalidDataException) when (format is null && chosen is LogFormat.Csv or LogFormat.Tsv)
        {
            // Text whose first line is neither a header nor a combined line (a comment, a cut line): each line goes
            // as its own event, as a log shipper would send it, and the stream path counts or dead-letters each.
            return Lines(content);
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

    private static List<ReadOnlyMemory<byte>> Lines(byte[] content)
    {
        var bodies = new List<ReadOnlyMemory<byte>>();
        var start = 0;
        for (var i = 0; i <= content.Length; i++)
        {
            if (i == content.Length || content[i] == (byte)'\n')
            {
                var line = content.AsMemory(start, i - start);
                if (!line.Span.Trim(" \t\r"u8).IsEmpty)
                {
                    bodies.Add(line);
                }

                start = i + 1;
            }
        }

        return bodies;
    }

    private static List<ReadOnlyMemory<byte>> Envelopes(byte[] content)
    {
        using var document = JsonDocument.Parse(content);
        return [.. document.RootElement.GetProperty("records").EnumerateArray()
            .Select(record => (ReadOnlyMemory<byte>)Encoding.UTF8.GetBytes(
                $"{{\"records\":[{record.GetRawText()}]}}"))];
    }
}
