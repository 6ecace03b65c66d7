using System.Collections.Immutable;

namespace OpenDownloads.Counting.Readers.Avro;

/// <summary>One field of the top-level record: its name and its type, or the branches of its union.</summary>
/// <param name="Name">The field's name as the schema spells it.</param>
/// <param name="Types">The single type, or the union's branches in order.</param>
/// <param name="IsUnion">Whether the value is preceded by the index of its branch.</param>
internal sealed record AvroFieldSchema(string Name, ImmutableArray<AvroPrimitive> Types, bool IsUnion);
