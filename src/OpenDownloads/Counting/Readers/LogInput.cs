using System.IO.Compression;
using OpenDownloads.Counting.Readers.Avro;
using OpenDownloads.Counting.Readers.AzureMonitor;
using OpenDownloads.Counting.Readers.Combined;

namespace OpenDownloads.Counting.Readers;

/// <summary>
/// Opens a log file for reading: gzip is undone whatever the name, and the format is named or detected.
/// </summary>
public static class LogInput
{
    /// <summary>How much of a log's start its format is told from.</summary>
    internal const int SniffBytes = 64 * 1024;

    /// <summary>Opens <paramref name="stream"/> and returns its records.</summary>
    /// <param name="stream">The raw input; it is disposed when the records have been read.</param>
    /// <param name="sourceName">The input's name, for locations and for detecting the format.</param>
    /// <param name="format">The format to use, or null to detect it.</param>
    /// <param name="mapping">How the source's field names map onto oDL's.</param>
    public static IEnumerable<RawRecord> Read(Stream stream, string sourceName, LogFormat? format, FieldMapping mapping)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(sourceName);
        ArgumentNullException.ThrowIfNull(mapping);
        using var input = Decompress(stream);
        var prefix = ReplayStream.ReadPrefix(input, SniffBytes);
        var chosen = Choose(format, sourceName, prefix);
        using var replay = new ReplayStream(input, prefix);
        foreach (var record in CreateReader(chosen).Read(replay, sourceName, mapping))
        {
            yield return record;
        }
    }

    /// <summary>Returns a reader for <paramref name="format"/>.</summary>
    public static ILogReader CreateReader(LogFormat format) => format switch
    {
        LogFormat.Avro => new OdlAvroReader(),
        LogFormat.JsonLines => new JsonLinesReader(),
        LogFormat.Json => new JsonDocumentReader(),
        LogFormat.Csv => new CsvLogReader(','),
        LogFormat.Tsv => new CsvLogReader('\t'),
        LogFormat.Combined => new CombinedLogFileReader(),
        LogFormat.AzureMonitor => new AzureMonitorFileReader(),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "The log format is not one odl reads."),
    };

    /// <summary>The format a log is read in: what <paramref name="format"/> asks, else its name, else its content.</summary>
    internal static LogFormat Choose(LogFormat? format, string sourceName, ReadOnlySpan<byte> prefix)
    {
        // As in odl stream, a combined log or an Azure Monitor file is told by its content whatever its name (a
        // capture file is .jsonl, an exported log may be .csv), and an envelope is JSON, so --format json reads it.
        var shown = LogFormatDetector.FromContent(prefix);
        if ((format is null && shown is LogFormat.Combined or LogFormat.AzureMonitor)
            || (format == LogFormat.Json && shown == LogFormat.AzureMonitor))
        {
            return shown;
        }

        return format ?? LogFormatDetector.FromName(sourceName) ?? shown;
    }

    private static Stream Decompress(Stream stream)
    {
        var magic = ReplayStream.ReadPrefix(stream, 2);
        var replay = new ReplayStream(stream, magic);
        return magic is [0x1f, 0x8b] ? new GZipStream(replay, CompressionMode.Decompress) : replay;
    }
}
