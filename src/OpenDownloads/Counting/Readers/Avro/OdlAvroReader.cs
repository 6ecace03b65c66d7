namespace OpenDownloads.Counting.Readers.Avro;

/// <summary>
/// Reads Avro object container files such as oDL's <c>.odl.avro</c> interchange files, block by block.
/// </summary>
/// <remarks>
/// <para>
/// The schema must be a record whose fields are primitives or unions of primitives; the record's name is not
/// checked, as oDL's own (<c>odl.oDL Events</c>) is not a valid Avro name. Blocks may use the <c>null</c> or
/// <c>deflate</c> codec.
/// </para>
/// <para>
/// Values become strings as oDL's cleaning would see them: text as is (<c>bytes</c> as UTF-8 text), <c>int</c> and
/// <c>long</c> in invariant digits, <c>float</c> and <c>double</c> truncated toward zero to an integer, booleans as
/// <c>true</c> or <c>false</c>; a null leaves the field absent.
/// </para>
/// <para>
/// A broken block or record ends the file with one unreadable record saying where and why, since a container cannot
/// be resynchronised reliably; text that is not UTF-8 makes only its own record unreadable.
/// </para>
/// </remarks>
public sealed class OdlAvroReader : ILogReader
{
    /// <inheritdoc/>
    /// <exception cref="InvalidDataException">
    /// While enumerating, before any record: the input is not an Avro object container, its header is corrupt, its
    /// codec is not <c>null</c> or <c>deflate</c>, or its schema has a field this reader does not support.
    /// </exception>
    public IEnumerable<RawRecord> Read(Stream stream, string sourceName, FieldMapping mapping)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(sourceName);
        ArgumentNullException.ThrowIfNull(mapping);

        return ReadRecords(stream, sourceName, mapping);
    }

    private static IEnumerable<RawRecord> ReadRecords(Stream stream, string sourceName, FieldMapping mapping)
    {
        using var input = new AvroInput(stream);
        var header = AvroContainerHeader.Read(input, sourceName);
        var decoder = new AvroRecordDecoder(header.Schema, mapping, sourceName);
        using var blocks = new AvroBlockReader(input, header, sourceName);
        var recordNumber = 0L;
        string? failure;
        while (blocks.TryReadNext(out failure))
        {
            var block = blocks.Current;
            while (block.HasMoreRecords)
            {
                recordNumber++;
                var record = decoder.Decode(block, new RecordLocation(sourceName, 0, recordNumber), out var corrupt);
                yield return record;
                if (corrupt)
                {
                    yield break;
                }
            }
        }

        if (failure is not null)
        {
            yield return RawRecord.Unreadable(new RecordLocation(sourceName, 0, recordNumber + 1), failure);
        }
    }
}
