using Microsoft.Win32.SafeHandles;

namespace OpenDownloads.Counting.Readers;

/// <summary>
/// Reads a byte range of a file through positional reads, so several slices of one open file can be read on
/// different threads at once. Reports each read's size to <c>onRead</c>, for a progress bar.
/// </summary>
internal sealed class FileSliceStream(SafeFileHandle file, long start, long length, Action<int>? onRead) : Stream
{
    private long _position;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => length;

    public override long Position
    {
        get => _position;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var wanted = (int)Math.Min(buffer.Length, length - _position);
        if (wanted <= 0)
        {
            return 0;
        }

        var read = RandomAccess.Read(file, buffer[..wanted], start + _position);
        _position += read;
        onRead?.Invoke(read);
        return read;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
