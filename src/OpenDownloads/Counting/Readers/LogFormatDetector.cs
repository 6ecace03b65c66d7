using System.Text.Json;
using OpenDownloads.Counting.Readers.AzureMonitor;
using OpenDownloads.Counting.Readers.Combined;

namespace OpenDownloads.Counting.Readers;

/// <summary>Picks a log's format from its name, or from its first bytes when the name does not tell.</summary>
public static class LogFormatDetector
{
    /// <summary>Returns the format a file name implies (after any <c>.gz</c>), or null when it implies none.</summary>
    public static LogFormat? FromName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var lower = name.ToLowerInvariant();
        if (lower.EndsWith(".gz", StringComparison.Ordinal))
        {
            lower = lower[..^3];
        }

        return Path.GetExtension(lower) switch
        {
            ".avro" => LogFormat.Avro,
            ".jsonl" or ".ndjson" => LogFormat.JsonLines,
            ".csv" => LogFormat.Csv,
            ".tsv" => LogFormat.Tsv,
            _ => null,
        };
    }

    /// <summary>
    /// Returns the format the first bytes show: Avro's magic, Azure Monitor when the first object has a
    /// <c>records</c> property (one envelope, or JSON lines of them), JSON lines when the first line is a whole JSON
    /// object, a JSON document when it starts with <c>[</c> or <c>{</c> otherwise, combined log text when one of the
    /// first five lines is a combined log line, else delimited text.
    /// </summary>
    public static LogFormat FromContent(ReadOnlySpan<byte> prefix)
    {
        if (prefix.StartsWith("Obj\u0001"u8))
        {
            return LogFormat.Avro;
        }

        if (prefix.StartsWith("\uFEFF"u8))
        {
            prefix = prefix[3..];
        }

        var text = prefix.TrimStart(" \t\r\n"u8);
        if (text.IsEmpty)
        {
            return LogFormat.JsonLines;
        }

        if (text[0] == (byte)'[')
        {
            return LogFormat.Json;
        }

        if (text[0] == (byte)'{' && AzureMonitorEnvelope.Starts(text))
        {
            return LogFormat.AzureMonitor;
        }

        if (text[0] == (byte)'{')
        {
            // OP3's export is one object with a rows array, often on one line with a line end after it; an event of
            // JSON lines has no rows. A first line longer than the bytes looked at, or a file of one line and no line
            // end, is an event unless it shows rows.
            if (HasTopLevelRows(text))
            {
                return LogFormat.Json;
            }

            var newline = text.IndexOf((byte)'\n');
            return newline < 0 || IsWholeJsonValue(text[..newline]) ? LogFormat.JsonLines : LogFormat.Json;
        }

        if (CombinedLogDetector.LooksCombined(text))
        {
            return LogFormat.Combined;
        }

        var firstLine = text.IndexOf((byte)'\n') is var end and >= 0 ? text[..end] : text;
        return firstLine.Contains((byte)'\t') && !firstLine.Contains((byte)',') ? LogFormat.Tsv : LogFormat.Csv;
    }

    /// <summary>Whether the first line of <paramref name="prefix"/> (after a byte-order mark and white space) is a
    /// whole JSON value followed by a line end, as in JSON lines.</summary>
    public static bool StartsWithJsonLine(ReadOnlySpan<byte> prefix)
    {
        if (prefix.StartsWith("\uFEFF"u8))
        {
            prefix = prefix[3..];
        }

        var text = prefix.TrimStart(" \t\r\n"u8);
        var newline = text.IndexOf((byte)'\n');
        return newline > 0 && IsWholeJsonValue(text[..newline]);
    }

    // Whether the object text starts with has a top-level rows or headers property among the bytes given.
    private static bool HasTopLevelRows(ReadOnlySpan<byte> text)
    {
        var reader = new Utf8JsonReader(text, isFinalBlock: false, state: default);
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("rows"u8) || reader.ValueTextEquals("headers"u8))
                {
                    return true;
                }

                if (!reader.Read() || !reader.TrySkip())
                {
                    return false;
                }
            }
        }
        catch (Exception error) when (error is JsonException or InvalidOperationException)
        {
            // Broken, or a name whose escape is a lone surrogate: not OP3's export.
        }

        return false;
    }

    private static bool IsWholeJsonValue(ReadOnlySpan<byte> line)
    {
        var reader = new Utf8JsonReader(line, isFinalBlock: true, state: default);
        try
        {
            return reader.Read() && reader.TrySkip() && !reader.Read();
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
