using System.Buffers;
using System.IO.Compression;

namespace OpenDownloads.Counting.Readers.Avro;

/// <summary>
/// Reads a container's blocks one at a time into pooled buffers, checks each one's sync marker and inflates it
/// when the codec asks. A broken block is reported as a message rather than thrown, so that the records read
/// before it still reach the caller.
/// </summary>
internal sealed class AvroBlockReader : IDisposable
{
    /// <summary>The most bytes a block may hold, compressed or not; writers use tens of kilobytes.</summary>
    public const int MaxBlockBytes = 64 * 1024 * 1024;

    private const int InitialBufferSize = 64 * 1024;

    private readonly AvroInput _input;
    private readonly AvroContainerHeader _header;
    private readonly string _source;
    private byte[] _data = ArrayPool<byte>.Shared.Rent(InitialBufferSize);
    private byte[] _compressed = [];

    public AvroBlockReader(AvroInput input, AvroContainerHeader header, string source)
    {
        _input = input;
        _header = header;
        _source = source;
    }

    /// <summary>Gets the block last read.</summary>
    public AvroBlock Current { get; } = new();

    /// <summary>
    /// Reads the next block into <see cref="Current"/>. Returns <see langword="false"/> at the end of the file, or
    /// when the block is broken, in which case <paramref name="failure"/> says why and the file is not readable
    /// further.
    /// </summary>
    public bool TryReadNext(out string? failure)
    {
        if (LeftoverFailure() is { } leftover)
        {
            failure = leftover;
            return false;
        }

        var number = Current.Number + 1;
        var expecting = BlockPart.RecordCount;
        var size = 0;
        try
        {
            if (!_input.TryReadLong(out var count))
            {
                failure = null;
                return false;
            }

            expecting = BlockPart.ByteCount;
            size = CheckBounds(count, _input.ReadLong());
            expecting = BlockPart.Data;
            ReadData(size);
            expecting = BlockPart.SyncMarker;
            CheckSync();
            var length = _header.Codec == AvroCodec.Deflate ? Inflate(size) : size;
            Current.Load(number, count, _data, length);
            failure = null;
            return true;
        }
        catch (EndOfStreamException)
        {
            failure = $"The Avro file '{_source}' ends inside block {number}: expected {Describe(expecting, size)}.";
        }
        catch (InvalidDataException e)
        {
            failure = $"The Avro file '{_source}' is corrupt at block {number}: {e.Message}.";
        }

        return false;
    }

    public void Dispose()
    {
        Return(ref _data);
        Return(ref _compressed);
    }

    private static string Describe(BlockPart part, int size) => part switch
    {
        BlockPart.RecordCount => "the block's record count",
        BlockPart.ByteCount => "the block's byte count",
        BlockPart.Data => $"{size} bytes of block data",
        _ => "the block's sync marker",
    };

    private static void Return(ref byte[] buffer)
    {
        if (buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(buffer);
            buffer = [];
        }
    }

    private static int CheckBounds(long count, long size)
    {
        if (count < 0)
        {
            throw new InvalidDataException($"it claims {count} records where zero or more were expected");
        }

        if (size is < 0 or > MaxBlockBytes)
        {
            throw new InvalidDataException($"it claims {size} bytes where 0 to {MaxBlockBytes} were expected");
        }

        return (int)size;
    }

    private static void Grow(ref byte[] buffer, int minimum, int keep)
    {
        var larger = ArrayPool<byte>.Shared.Rent(Math.Max(minimum, buffer.Length * 2));
        buffer.AsSpan(0, keep).CopyTo(larger);
        Return(ref buffer);
        buffer = larger;
    }

    // A block holds as many bytes as its records take; any left over means the records were misread.
    private string? LeftoverFailure()
    {
        var previous = Current;
        if (previous.Number == 0 || previous.HasMoreRecords || previous.Unread.IsEmpty)
        {
            return null;
        }

        return $"The Avro file '{_source}' is corrupt at block {previous.Number}: it has {previous.Unread.Length} "
            + $"bytes left after its {previous.RecordCount} records where they should fill it exactly.";
    }

    private void ReadData(int size)
    {
        // Plain blocks go straight into the decode buffer; compressed ones wait in their own buffer to be inflated.
        ref var target = ref _header.Codec == AvroCodec.Deflate ? ref _compressed : ref _data;
        if (target.Length < size)
        {
            Grow(ref target, size, keep: 0);
        }

        _input.ReadExactly(target.AsSpan(0, size));
    }

    private void CheckSync()
    {
        Span<byte> sync = stackalloc byte[AvroContainerHeader.SyncLength];
        _input.ReadExactly(sync);
        if (!sync.SequenceEqual(_header.Sync))
        {
            throw new InvalidDataException(
                "its sync marker differs from the header's, so neither it nor any later block can be trusted");
        }
    }

    private int Inflate(int compressedLength)
    {
        using var source = new MemoryStream(_compressed, 0, compressedLength, writable: false);
        using var inflater = new DeflateStream(source, CompressionMode.Decompress);
        var length = 0;
        while (true)
        {
            if (length == _data.Length)
            {
                if (length >= MaxBlockBytes)
                {
                    throw new InvalidDataException($"it inflates to more than {MaxBlockBytes} bytes");
                }

                Grow(ref _data, length + 1, keep: length);
            }

            var read = ReadInflated(inflater, length);
            if (read == 0)
            {
                return length;
            }

            length += read;
        }
    }

    private int ReadInflated(DeflateStream inflater, int offset)
    {
        try
        {
            return inflater.Read(_data, offset, _data.Length - offset);
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException($"its deflate data cannot be inflated ({e.Message.TrimEnd('.')})", e);
        }
    }

    // The parts of a block in the order they are read, to say which one the input ended in.
    private enum BlockPart
    {
        RecordCount,
        ByteCount,
        Data,
        SyncMarker,
    }
}
