namespace OpenDownloads.Counting.Readers;

/// <summary>Reads request-log records of one format from a stream, one at a time, without loading it whole.</summary>
public interface ILogReader
{
    /// <summary>
    /// Reads every record of <paramref name="stream"/>. A record that cannot be read is yielded with its
    /// <see cref="RawRecord.ReadError"/> set, and reading goes on with the next one where the format allows.
    /// </summary>
    /// <param name="stream">The decompressed input.</param>
    /// <param name="sourceName">The input's name, used in every record's location.</param>
    /// <param name="mapping">How the source's field names map onto oDL's fields.</param>
    IEnumerable<RawRecord> Read(Stream stream, string sourceName, FieldMapping mapping);
}
