using System.Collections.Immutable;

namespace OpenDownloads.Counting.Readers.Avro;

/// <summary>The top-level record a container holds.</summary>
/// <param name="Name">The record's full name, kept as written: oDL's own files use one with a space.</param>
/// <param name="Fields">The fields in the order they are encoded.</param>
internal sealed record AvroRecordSchema(string Name, ImmutableArray<AvroFieldSchema> Fields);
