using System.Text;

namespace OpenDownloads.Counting.Readers.Combined;

/// <summary>
/// Splits a combined log line into its space-separated, bracketed and quoted fields. Inside quotes it undoes
/// Apache's <c>\"</c> and <c>\\</c> and nginx's <c>\xHH</c> escapes.
/// </summary>
internal sealed class CombinedLogTokenizer
{
    private readonly string _line;
    private int _at;

    public CombinedLogTokenizer(string line)
    {
        _line = line;
    }

    public bool TryNext(out string value)
    {
        SkipSpaces();
        var start = _at;
        while (_at < _line.Length && _line[_at] != ' ')
        {
            _at++;
        }

        value = _line[start.._at];
        return value.Length > 0;
    }

    public bool TryNextBracketed(out string value)
    {
        value = string.Empty;
        SkipSpaces();
        if (_at >= _line.Length || _line[_at] != '[')
        {
            return false;
        }

        var close = _line.IndexOf(']', _at);
        if (close < 0)
        {
            return false;
        }

        value = _line[(_at + 1)..close];
        _at = close + 1;
        return true;
    }

    public bool TryNextQuoted(out string value)
    {
        value = string.Empty;
        SkipSpaces();
        if (_at >= _line.Length || _line[_at] != '"')
        {
            return false;
        }

        // Bytes, not chars: nginx writes each byte of a non-ASCII character as its own \xHH escape.
        var bytes = new List<byte>();
        var segment = _at + 1;
        for (var i = segment; i < _line.Length; i++)
        {
            if (_line[i] == '"')
            {
                Append(bytes, segment, i);
                value = Encoding.UTF8.GetString([.. bytes]);
                _at = i + 1;
                return true;
            }

            if (_line[i] == '\\' && i + 1 < _line.Length)
            {
                Append(bytes, segment, i);
                i = Unescape(i, bytes);
                segment = i + 1;
            }
        }

        return false;
    }

    private void Append(List<byte> bytes, int start, int end)
    {
        if (end > start)
        {
            bytes.AddRange(Encoding.UTF8.GetBytes(_line, start, end - start));
        }
    }

    private int Unescape(int backslash, List<byte> bytes)
    {
        var next = _line[backslash + 1];
        if (next == 'x' && backslash + 3 < _line.Length
            && byte.TryParse(_line.AsSpan(backslash + 2, 2), System.Globalization.NumberStyles.AllowHexSpecifier,
                System.Globalization.CultureInfo.InvariantCulture, out var escaped))
        {
            bytes.Add(escaped);
            return backslash + 3;
        }

        if (next is '"' or '\\')
        {
            bytes.Add((byte)next);
            return backslash + 1;
        }

        // Any other backslash is kept as written.
        bytes.Add((byte)'\\');
        return backslash;
    }

    private void SkipSpaces()
    {
        while (_at < _line.Length && _line[_at] == ' ')
        {
            _at++;
        }
    }
}
