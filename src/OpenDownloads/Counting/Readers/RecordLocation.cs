namespace OpenDownloads.Counting.Readers;

/// <summary>Where a record came from: the input's name and the line (text formats) or record number (others).</summary>
/// <param name="Source">The input's name as the user gave it, or an event's id in the stream path.</param>
/// <param name="Line">The 1-based line of a text format, or 0 when lines mean nothing for the format.</param>
/// <param name="Record">The 1-based position of the record within its input.</param>
public readonly record struct RecordLocation(string Source, long Line, long Record)
{
    /// <inheritdoc/>
    public override string ToString() => Line > 0 ? $"{Source}:{Line}" : $"{Source} record {Record}";
}
