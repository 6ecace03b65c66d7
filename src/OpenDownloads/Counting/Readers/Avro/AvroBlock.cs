namespace OpenDownloads.Counting.Readers.Avro;

/// <summary>
/// The decoded data of the current block and how far its records have been read. The reader reuses one instance
/// and its buffer for every block of a file.
/// </summary>
internal sealed class AvroBlock
{
    private byte[] _data = [];
    private int _length;
    private int _position;

    /// <summary>Gets the block's 1-based position in its file.</summary>
    public long Number { get; private set; }

    /// <summary>Gets how many records the block says it holds.</summary>
    public long RecordCount { get; private set; }

    /// <summary>Gets how many of its records have been decoded.</summary>
    public long RecordsRead { get; private set; }

    public bool HasMoreRecords => RecordsRead < RecordCount;

    /// <summary>Gets the bytes after the records decoded so far.</summary>
    public ReadOnlySpan<byte> Unread => _data.AsSpan(_position, _length - _position);

    public void Load(long number, long recordCount, byte[] data, int length)
    {
        Number = number;
        RecordCount = recordCount;
        RecordsRead = 0;
        _data = data;
        _length = length;
        _position = 0;
    }

    /// <summary>Moves past one decoded record of <paramref name="bytes"/> bytes.</summary>
    public void Advance(int bytes)
    {
        _position += bytes;
        RecordsRead++;
    }
}
