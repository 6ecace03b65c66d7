using Microsoft.Win32.SafeHandles;

namespace OpenDownloads.Counting.Readers;

/// <summary>
/// A JSON-lines log file cut at line ends into parts that can be read and prepared on different cores. Only an
/// uncompressed JSON-lines file of some size is split: gzip cannot be entered in the middle, and a CSV field may
/// hold a line end.
/// </summary>
internal sealed class SplitLog : IDisposable
{
    /// <summary>The smallest part worth a thread of its own.</summary>
    public const long DefaultMinPartBytes = 4 * 1024 * 1024;

    private const int ScanBytes = 64 * 1024;

    private readonly SafeFileHandle _file;

    private SplitLog(SafeFileHandle file, IReadOnlyList<LogPart> parts)
    {
        _file = file;
        Parts = parts;
    }

    /// <summary>Gets the parts, in the file's order; together they cover it.</summary>
    public IReadOnlyList<LogPart> Parts { get; }

    /// <summary>
    /// Splits the file at <paramref name="path"/> into at most <paramref name="partCount"/> parts, or returns null
    /// when it is not to be split (compressed, not JSON lines, or too small for two parts).
    /// </summary>
    /// <param name="path">The log file.</param>
    /// <param name="format">The format the user named, or null to detect it as <see cref="LogInput"/> does.</param>
    /// <param name="mapping">How the source's field names map onto oDL's.</param>
    /// <param name="partCount">How many parts at most: the cores to read on.</param>
    /// <param name="onRead">Told the size of each read, on the reading threads.</param>
    /// <param name="minPartBytes">The smallest part.</param>
    public static SplitLog? TrySplit(
        string path,
        LogFormat? format,
        FieldMapping mapping,
        int partCount,
        Action<int>? onRead,
        long minPartBytes = DefaultMinPartBytes)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(mapping);
        var file = File.OpenHandle(path);
        try
        {
            if (LengthOf(file) is not { } length)
            {
                file.Dispose();
                return null;
            }

            partCount = (int)Math.Min(partCount, length / Math.Max(1, minPartBytes));
            if (partCount < 2 || !IsPlainJsonLines(file, length, path, format))
            {
                file.Dispose();
                return null;
            }

            var parts = new List<LogPart>(partCount);
            long start = 0;
            for (var i = 1; i < partCount && start < length; i++)
            {
                var end = LineStartAtOrAfter(file, Math.Max(start, length * i / partCount), length);
                if (end > start)
                {
                    parts.Add(new LogPart(file, path, start, end - start, mapping, onRead));
                    start = end;
                }
            }

            if (start < length)
            {
                parts.Add(new LogPart(file, path, start, length - start, mapping, onRead));
            }

            return new SplitLog(file, parts);
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    public void Dispose() => _file.Dispose();

    // A pipe (such as /dev/stdin fed by one) has no length and no positions to read parts at.
    private static long? LengthOf(SafeFileHandle file)
    {
        try
        {
            return RandomAccess.GetLength(file);
        }
        catch (NotSupportedException)
        {
            return null;
        }
    }

    private static bool IsPlainJsonLines(SafeFileHandle file, long length, string path, LogFormat? format)
    {
        var prefix = new byte[(int)Math.Min(LogInput.SniffBytes, length)];
        var read = RandomAccess.Read(file, prefix, 0);
        var sniffed = prefix.AsSpan(0, read);
        if (sniffed is [0x1f, 0x8b, ..])
        {
            return false;
        }

        // The same choice LogInput makes, so a .jsonl capture file of envelopes is never cut as plain JSON lines.
        return LogInput.Choose(format, path, sniffed) is LogFormat.JsonLines;
    }

    // The offset just after the first line end at or after offset, or the file's length if there is none.
    private static long LineStartAtOrAfter(SafeFileHandle file, long offset, long length)
    {
        var buffer = new byte[ScanBytes];
        while (offset < length)
        {
            var read = RandomAccess.Read(file, buffer, offset);
            if (read == 0)
            {
                break;
            }

            var newline = buffer.AsSpan(0, read).IndexOf((byte)'\n');
            if (newline >= 0)
            {
                return offset + newline + 1;
            }

            offset += read;
        }

        return length;
    }
}
