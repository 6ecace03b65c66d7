using System.Text.Json;

namespace OpenDownloads.Counting.Readers;

/// <summary>Finds the event rows of a JSON document, whether a bare array or OP3's <c>{"rows": [...]}</c>.</summary>
internal sealed class JsonRowWalker
{
    private readonly JsonTokenCursor _cursor;
    private readonly string _sourceName;
    private readonly FieldMapping _mapping;
    private List<OdlField?>? _headers;
    private bool _inRows;
    private bool _done;

    public JsonRowWalker(JsonTokenCursor cursor, string sourceName, FieldMapping mapping)
    {
        _cursor = cursor;
        _sourceName = sourceName;
        _mapping = mapping;
    }

    public long Line => _cursor.Line;

    public long RecordCount { get; private set; }

    /// <summary>Returns the next record, or null when the document has no more.</summary>
    public RawRecord? Next()
    {
        if (_done)
        {
            return null;
        }

        if (!_inRows && !FindRows())
        {
            _done = true;
            return null;
        }

        if (!_cursor.TryReadValue(out var type, out var value, out var line))
        {
            _done = true;
            return null;
        }

        var location = new RecordLocation(_sourceName, line, ++RecordCount);
        return type switch
        {
            JsonTokenType.StartObject => JsonRecordParser.Parse(value.Span, location, _mapping),
            JsonTokenType.StartArray when _headers is not null => JsonRecordParser.ParseRow(value.Span, location, _headers),
            JsonTokenType.StartArray => RawRecord.Unreadable(location, "The row is an array but no headers came before it."),
            _ => RawRecord.Unreadable(location, $"The row is a JSON {type}; each event must be an object."),
        };
    }

    private bool FindRows()
    {
        var first = _cursor.ReadToken(out _);
        if (first == JsonTokenType.StartArray)
        {
            _inRows = true;
            return true;
        }

        if (first != JsonTokenType.StartObject)
        {
            throw new JsonException("The document is neither an array of events nor an object with a rows array.");
        }

        while (_cursor.ReadToken(out var name) == JsonTokenType.PropertyName)
        {
            if (name == "rows")
            {
                if (_cursor.ReadToken(out _) != JsonTokenType.StartArray)
                {
                    throw new JsonException("The rows property is not an array.");
                }

                _inRows = true;
                return true;
            }

            if (!_cursor.TryReadValue(out var type, out var value, out _))
            {
                break;
            }

            if (name == "headers" && type == JsonTokenType.StartArray)
            {
                _headers = ReadHeaders(value.Span);
            }
        }

        throw new JsonException("The object has no rows array; expected an array of events or OP3's {\"rows\": [...]}.");
    }

    private List<OdlField?> ReadHeaders(ReadOnlySpan<byte> json)
    {
        var headers = new List<OdlField?>();
        var reader = new Utf8JsonReader(json);
        reader.Read();
        try
        {
            while (reader.Read() && reader.TokenType == JsonTokenType.String)
            {
                headers.Add(_mapping.Resolve(reader.GetString()!));
            }
        }
        catch (InvalidOperationException error)
        {
            throw new JsonException("A header has a string escape that is not valid UTF-16, such as a lone \\ud800.", error);
        }

        return headers;
    }
}
