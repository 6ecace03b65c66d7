namespace OpenDownloads.Counting.Readers;

/// <summary>
/// What a reader of many JSON records keeps from one record to the next: the field names it has resolved and the
/// values it has seen. Not thread-safe; a reader keeps its own.
/// </summary>
internal sealed class RecordParseCache(FieldMapping mapping)
{
    /// <summary>Gets how the source's field names map onto oDL's.</summary>
    public FieldMapping Mapping { get; } = mapping;

    /// <summary>Gets the names seen, with their fields.</summary>
    public FieldNameCache Names { get; } = new(mapping);

    /// <summary>Gets the values seen.</summary>
    public Utf8StringCache Values { get; } = new();
}
