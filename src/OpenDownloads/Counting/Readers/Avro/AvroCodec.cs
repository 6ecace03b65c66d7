namespace OpenDownloads.Counting.Readers.Avro;

/// <summary>How a container's blocks are compressed.</summary>
internal enum AvroCodec
{
    Null,
    Deflate,
}
