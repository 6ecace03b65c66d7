namespace OpenDownloads.Counting.Readers;

/// <summary>
/// How many lines and records a reader has read of a log or a part of one: what the parts before a part add to its
/// line and record numbers.
/// </summary>
internal sealed class LogPartTally
{
    public long Lines { get; set; }

    public long Records { get; set; }
}
