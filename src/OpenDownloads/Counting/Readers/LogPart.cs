using Microsoft.Win32.SafeHandles;

namespace OpenDownloads.Counting.Readers;

/// <summary>
/// A range of whole lines of a JSON-lines log, read on its own: its records carry line and record numbers counted
/// from the part's start, and once read, <see cref="Tally"/> says how many lines and records it held, which the
/// parts after it add to theirs.
/// </summary>
internal sealed class LogPart(
    SafeFileHandle file,
    string sourceName,
    long start,
    long length,
    FieldMapping mapping,
    Action<int>? onRead)
{
    public long Start => start;

    public long Length => length;

    public string SourceName => sourceName;

    public LogPartTally Tally { get; } = new();

    public IEnumerable<RawRecord> Read()
    {
        var slice = new FileSliceStream(file, start, length, onRead);
        var lines = new LineSplitter(slice, JsonLinesReader.MaxLineBytes, atFileStart: start == 0);
        return JsonLinesReader.Read(lines, sourceName, mapping, Tally);
    }
}
