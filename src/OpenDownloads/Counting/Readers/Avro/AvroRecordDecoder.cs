using System.Globalization;
using System.Text;
using System.Text.Unicode;

namespace OpenDownloads.Counting.Readers.Avro;

/// <summary>
/// Turns one encoded record into a <see cref="RawRecord"/>. Field names are mapped once per file, when the decoder
/// is made; a field that maps to no oDL field is stepped over without being decoded into a string.
/// </summary>
internal sealed class AvroRecordDecoder
{
    private static readonly UTF8Encoding StrictUtf8 = new(
        encoderShouldEmitUTF8Identifier: false,
        throwOnInvalidBytes: true);

    private readonly AvroFieldSchema[] _fields;
    private readonly OdlField?[] _targets;
    private readonly string _source;

    // Repeated text (user agents, episodes) becomes one string each, as in the JSON-lines reader.
    private readonly Utf8StringCache _values = new();

    public AvroRecordDecoder(AvroRecordSchema schema, FieldMapping mapping, string source)
    {
        _fields = [.. schema.Fields];
        _targets = [.. _fields.Select(field => mapping.Resolve(field.Name))];
        _source = source;
    }

    /// <summary>
    /// Decodes the next record of <paramref name="block"/>. When its bytes cannot be decoded, returns an unreadable
    /// record and sets <paramref name="corrupt"/>: the rest of the file cannot be located. Text that is not UTF-8
    /// makes only this record unreadable, as its length still says where the next record starts.
    /// </summary>
    public RawRecord Decode(AvroBlock block, RecordLocation location, out bool corrupt)
    {
        var reader = new AvroDatumReader(block.Unread);
        var record = new RawRecord(location);
        string? badTextField = null;
        var index = 0;
        try
        {
            for (; index < _fields.Length; index++)
            {
                var field = _fields[index];
                var type = field.IsUnion ? Branch(field, reader.ReadLong()) : field.Types[0];
                if (_targets[index] is not { } target)
                {
                    reader.Skip(type);
                }
                else if (!TryRead(ref reader, type, target, out var value))
                {
                    badTextField ??= field.Name;
                }
                else if (value is not null)
                {
                    record[target] = value;
                }
            }
        }
        catch (InvalidDataException e)
        {
            corrupt = true;
            return RawRecord.Unreadable(
                location,
                $"The Avro file '{_source}' is corrupt at block {block.Number}, record {location.Record}, "
                + $"field '{_fields[index].Name}': {e.Message}.");
        }

        block.Advance(reader.Position);
        corrupt = false;
        return badTextField is null
            ? record
            : RawRecord.Unreadable(
                location,
                $"The Avro file '{_source}' has text that is not valid UTF-8 in field '{badTextField}' of record "
                + $"{location.Record}.");
    }

    private static AvroPrimitive Branch(AvroFieldSchema field, long index)
    {
        if (index < 0 || index >= field.Types.Length)
        {
            throw new InvalidDataException(
                $"expected a union branch from 0 to {field.Types.Length - 1} but found {index}");
        }

        return field.Types[(int)index];
    }

    // Returns false only for text that is not UTF-8; the value has been read past either way.
    private bool TryRead(ref AvroDatumReader reader, AvroPrimitive type, OdlField target, out string? value)
    {
        switch (type)
        {
            case AvroPrimitive.Boolean:
                value = reader.ReadBoolean() ? "true" : "false";
                return true;
            case AvroPrimitive.Int or AvroPrimitive.Long:
                value = reader.ReadLong().ToString(CultureInfo.InvariantCulture);
                return true;
            case AvroPrimitive.Float:
                value = TruncatedInteger.Format(reader.ReadFloat());
                return true;
            case AvroPrimitive.Double:
                value = TruncatedInteger.Format(reader.ReadDouble());
                return true;
            case AvroPrimitive.String or AvroPrimitive.Bytes:
                return TryDecodeText(reader.ReadBytes(), target, out value);
            default:
                value = null;
                return true;
        }
    }

    private bool TryDecodeText(ReadOnlySpan<byte> utf8, OdlField target, out string? value)
    {
        // Times nearly all differ, so they are not cached.
        if (target != OdlField.Timestamp)
        {
            value = Utf8.IsValid(utf8) ? _values.Get(utf8) : null;
            return value is not null;
        }

        try
        {
            value = StrictUtf8.GetString(utf8);
            return true;
        }
        catch (DecoderFallbackException)
        {
            value = null;
            return false;
        }
    }
}
