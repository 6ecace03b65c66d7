using System.Text.Json;

namespace OpenDownloads.Counting.Readers;

/// <summary>
/// Walks a JSON document token by token from a stream, holding only the current value in memory, and keeps
/// count of lines so errors can say where they are.
/// </summary>
internal sealed class JsonTokenCursor
{
    private static readonly JsonReaderOptions Options = new() { CommentHandling = JsonCommentHandling.Skip };

    private readonly Stream _stream;
    private readonly int _maxValueBytes;
    private byte[] _buffer = new byte[64 * 1024];
    private int _consumed;
    private int _length;
    private bool _final;
    private bool _bomChecked;
    private JsonReaderState _state = new(Options);

    public JsonTokenCursor(Stream stream, int maxValueBytes)
    {
        _stream = stream;
        _maxValueBytes = maxValueBytes;
    }

    /// <summary>Gets the 1-based line the cursor stands on.</summary>
    public long Line { get; private set; } = 1;

    /// <summary>Reads one token; returns <see cref="JsonTokenType.None"/> at the end of the document.</summary>
    public JsonTokenType ReadToken(out string? text)
    {
        while (true)
        {
            var reader = new Utf8JsonReader(_buffer.AsSpan(_consumed, _length - _consumed), _final, _state);
            if (reader.Read())
            {
                var type = reader.TokenType;
                text = type is JsonTokenType.PropertyName or JsonTokenType.String ? ReadText(ref reader) : null;
                Commit(ref reader);
                return type;
            }

            if (_final)
            {
                text = null;
                return JsonTokenType.None;
            }

            Refill();
        }
    }

    /// <summary>
    /// Reads the next whole value (a scalar, or an object or array with everything inside it). Returns false when
    /// the enclosing array or object ends instead.
    /// </summary>
    /// <param name="type">The value's first token.</param>
    /// <param name="value">The value's bytes, valid until the next call.</param>
    /// <param name="line">The line the value starts on.</param>
    public bool TryReadValue(out JsonTokenType type, out ReadOnlyMemory<byte> value, out long line)
    {
        while (true)
        {
            var reader = new Utf8JsonReader(_buffer.AsSpan(_consumed, _length - _consumed), _final, _state);
            if (reader.Read())
            {
                type = reader.TokenType;
                if (type is JsonTokenType.EndArray or JsonTokenType.EndObject)
                {
                    Commit(ref reader);
                    value = default;
                    line = Line;
                    return false;
                }

                var start = (int)reader.TokenStartIndex;
                if (reader.TrySkip())
                {
                    line = Line + _buffer.AsSpan(_consumed, start).Count((byte)'\n');
                    value = _buffer.AsMemory(_consumed + start, (int)reader.BytesConsumed - start);
                    Commit(ref reader);
                    return true;
                }
            }
            else if (_final)
            {
                type = JsonTokenType.None;
                value = default;
                line = Line;
                return false;
            }

            if (_length - _consumed > _maxValueBytes)
            {
                throw new JsonException($"A value is longer than {_maxValueBytes} bytes; events must be shorter.");
            }

            Refill();
        }
    }

    private static string ReadText(ref Utf8JsonReader reader)
    {
        try
        {
            return reader.GetString()!;
        }
        catch (InvalidOperationException error)
        {
            throw new JsonException("A string escape is not valid UTF-16, such as a lone \\ud800.", error);
        }
    }

    private void Commit(ref Utf8JsonReader reader)
    {
        var used = (int)reader.BytesConsumed;
        Line += _buffer.AsSpan(_consumed, used).Count((byte)'\n');
        _consumed += used;
        _state = reader.CurrentState;
    }

    private void Refill()
    {
        if (_consumed > 0)
        {
            _buffer.AsSpan(_consumed, _length - _consumed).CopyTo(_buffer);
            _length -= _consumed;
            _consumed = 0;
        }

        if (_length == _buffer.Length)
        {
            Array.Resize(ref _buffer, _buffer.Length * 2);
        }

        var read = _stream.Read(_buffer, _length, _buffer.Length - _length);
        _length += read;
        _final = read == 0;
        if (!_bomChecked && (_length >= 3 || _final))
        {
            _bomChecked = true;
            if (_buffer.AsSpan(0, _length).StartsWith("\uFEFF"u8))
            {
                _consumed = 3;
            }
        }
    }
}
