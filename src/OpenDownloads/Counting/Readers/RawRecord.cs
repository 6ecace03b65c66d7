using System.Runtime.CompilerServices;

namespace OpenDownloads.Counting.Readers;

/// <summary>
/// One record as a reader found it: the string value of each oDL field it carried, before any cleaning, or the
/// reason it could not be read at all.
/// </summary>
public sealed class RawRecord
{
    // The values live inside the record, not in an array of their own: one object per record instead of two, as a
    // count makes one record per request. The last field's number plus one; a field added after it must move this.
    private const int FieldCount = (int)OdlField.ByteRangeEnd + 1;

    private FieldValues _values;

    /// <summary>Initializes a record read at <paramref name="location"/>.</summary>
    public RawRecord(RecordLocation location)
    {
        Location = location;
    }

    /// <summary>Gets where the record was read.</summary>
    public RecordLocation Location { get; }

    /// <summary>
    /// Gets or sets why the reader could not read the record (broken JSON, invalid UTF-8...), if it could not.
    /// </summary>
    public string? ReadError { get; set; }

    /// <summary>Gets or sets the raw value of a field, or <see langword="null"/> when the record lacks it.</summary>
    public string? this[OdlField field]
    {
        get => _values[(int)field];
        set => _values[(int)field] = value;
    }

    /// <summary>Gets whether the record carried the field at all (a present but empty value counts).</summary>
    public bool Has(OdlField field) => _values[(int)field] is not null;

    /// <summary>Creates a record that a reader could not read, with the reason.</summary>
    public static RawRecord Unreadable(RecordLocation location, string reason) => new(location) { ReadError = reason };

    [InlineArray(FieldCount)]
    private struct FieldValues
    {
        private string? _first;
    }
}
