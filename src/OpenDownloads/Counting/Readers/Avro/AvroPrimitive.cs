namespace OpenDownloads.Counting.Readers.Avro;

/// <summary>The Avro primitive types this reader decodes; complex types are refused when the schema is read.</summary>
internal enum AvroPrimitive
{
    Null,
    Boolean,
    Int,
    Long,
    Float,
    Double,
    String,
    Bytes,
}
