namespace OpenDownloads.Counting.Readers;

/// <summary>
/// Splits a stream into lines of UTF-8 bytes without loading it whole. Strips a leading byte-order mark and the
/// line ends (LF or CRLF). A line longer than the limit is skipped up to its end and reported as too long, so one
/// runaway line cannot exhaust memory.
/// </summary>
internal sealed class LineSplitter
{
    private readonly Stream _stream;
    private readonly int _maxLineBytes;
    private byte[] _buffer = new byte[64 * 1024];
    private int _start;
    private int _end;
    private bool _endOfStream;
    private bool _atStart;

    /// <param name="stream">The text to split.</param>
    /// <param name="maxLineBytes">The longest line returned.</param>
    /// <param name="atFileStart">Whether the stream starts at the file's start, where a byte-order mark may be;
    /// false for a part of a file read on its own.</param>
    public LineSplitter(Stream stream, int maxLineBytes, bool atFileStart = true)
    {
        _stream = stream;
        _maxLineBytes = maxLineBytes;
        _atStart = atFileStart;
    }

    /// <summary>Gets the 1-based number of the line last returned.</summary>
    public long LineNumber { get; private set; }

    /// <summary>Reads the next line; returns false at the end of the stream.</summary>
    /// <param name="line">The line's bytes, valid until the next call.</param>
    /// <param name="tooLong">Whether the line was over the limit and skipped; then <paramref name="line"/> is
    /// empty.</param>
    public bool TryReadLine(out ReadOnlyMemory<byte> line, out bool tooLong)
    {
        tooLong = false;
        var searched = 0;
        while (true)
        {
            var newline = _buffer.AsSpan(_start + searched, _end - _start - searched).IndexOf((byte)'\n');
            if (newline >= 0)
            {
                var length = searched + newline;
                line = tooLong ? ReadOnlyMemory<byte>.Empty : TrimCarriageReturn(_buffer.AsMemory(_start, length));
                _start += length + 1;
                LineNumber++;
                return true;
            }

            searched = _end - _start;
            if (searched > _maxLineBytes)
            {
                // Drop what is buffered of the runaway line and keep looking for its end.
                tooLong = true;
                _start = _end;
                searched = 0;
            }

            if (_endOfStream)
            {
                if (_end == _start && !tooLong)
                {
                    line = default;
                    return false;
                }

                line = tooLong ? ReadOnlyMemory<byte>.Empty : TrimCarriageReturn(_buffer.AsMemory(_start, _end - _start));
                _start = _end;
                LineNumber++;
                return true;
            }

            Fill();
        }
    }

    private static ReadOnlyMemory<byte> TrimCarriageReturn(ReadOnlyMemory<byte> line) =>
        line.Length > 0 && line.Span[^1] == (byte)'\r' ? line[..^1] : line;

    private void Fill()
    {
        if (_start > 0)
        {
            _buffer.AsSpan(_start, _end - _start).CopyTo(_buffer);
            _end -= _start;
            _start = 0;
        }

        if (_end == _buffer.Length)
        {
            Array.Resize(ref _buffer, _buffer.Length * 2);
        }

        var read = _stream.Read(_buffer, _end, _buffer.Length - _end);
        if (read == 0)
        {
            _endOfStream = true;
            return;
        }

        _end += read;
        if (_atStart && _end >= 3)
        {
            _atStart = false;
            if (_buffer.AsSpan(0, 3).SequenceEqual("\uFEFF"u8))
            {
                _start = 3;
            }
        }
    }
}
