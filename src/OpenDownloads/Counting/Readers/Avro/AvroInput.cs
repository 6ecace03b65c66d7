using System.Buffers;

namespace OpenDownloads.Counting.Readers.Avro;

/// <summary>
/// Reads varints and byte runs from a stream through one pooled buffer, so that a container's header and block
/// prefixes cost no call to the stream per byte. Data blocks bypass the buffer once it is drained.
/// </summary>
internal sealed class AvroInput : IDisposable
{
    private const int BufferSize = 64 * 1024;

    private readonly Stream _stream;
    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
    private int _start;
    private int _end;

    public AvroInput(Stream stream)
    {
        _stream = stream;
    }

    /// <summary>Reads a varint, or returns <see langword="false"/> when the stream ends before it starts.</summary>
    /// <exception cref="EndOfStreamException">The stream ends inside the varint.</exception>
    /// <exception cref="InvalidDataException">The varint is longer than any 64-bit value needs.</exception>
    public bool TryReadLong(out long value)
    {
        if (_end - _start < AvroVarint.MaxLength)
        {
            Fill(AvroVarint.MaxLength);
        }

        if (_start == _end)
        {
            value = 0;
            return false;
        }

        switch (AvroVarint.TryRead(_buffer.AsSpan(_start, _end - _start), out value, out var consumed))
        {
            case OperationStatus.Done:
                _start += consumed;
                return true;
            case OperationStatus.NeedMoreData:
                throw new EndOfStreamException();
            default:
                throw new InvalidDataException(AvroVarint.TooLongDetail);
        }
    }

    /// <exception cref="EndOfStreamException">The stream ends before or inside the varint.</exception>
    /// <exception cref="InvalidDataException">The varint is longer than any 64-bit value needs.</exception>
    public long ReadLong() => TryReadLong(out var value) ? value : throw new EndOfStreamException();

    /// <summary>Fills <paramref name="destination"/> as far as the stream allows; returns how much it filled.</summary>
    public int ReadAtMost(Span<byte> destination)
    {
        var buffered = Math.Min(destination.Length, _end - _start);
        _buffer.AsSpan(_start, buffered).CopyTo(destination);
        _start += buffered;
        if (buffered == destination.Length)
        {
            return buffered;
        }

        return buffered + _stream.ReadAtLeast(destination[buffered..], destination.Length - buffered, false);
    }

    /// <exception cref="EndOfStreamException">The stream ends before the destination is full.</exception>
    public void ReadExactly(Span<byte> destination)
    {
        if (ReadAtMost(destination) < destination.Length)
        {
            throw new EndOfStreamException();
        }
    }

    public void Dispose()
    {
        if (_buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = [];
        }
    }

    private void Fill(int wanted)
    {
        if (_start > 0)
        {
            _buffer.AsSpan(_start, _end - _start).CopyTo(_buffer);
            _end -= _start;
            _start = 0;
        }

        while (_end < wanted)
        {
            var read = _stream.Read(_buffer, _end, _buffer.Length - _end);
            if (read == 0)
            {
                return;
            }

            _end += read;
        }
    }
}
