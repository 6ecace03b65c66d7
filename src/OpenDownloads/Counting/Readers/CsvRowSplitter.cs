using System.Text;
using System.Text.Unicode;

namespace OpenDownloads.Counting.Readers;

/// <summary>Splits lines into RFC 4180 rows, joining lines while a quoted field is open.</summary>
internal sealed class CsvRowSplitter
{
    private readonly LineSplitter _lines;
    private readonly byte _delimiter;
    private readonly List<string> _fields = [];
    private readonly StringBuilder _field = new();

    public CsvRowSplitter(LineSplitter lines, byte delimiter)
    {
        _lines = lines;
        _delimiter = delimiter;
    }

    /// <summary>Reads the next non-blank row; <paramref name="error"/> says why a row could not be read.</summary>
    public bool TryReadRow(out List<string> fields, out long firstLine, out string? error)
    {
        fields = _fields;
        error = null;
        _fields.Clear();
        _field.Clear();
        var inQuotes = false;
        var started = false;
        firstLine = 0;
        while (_lines.TryReadLine(out var line, out var tooLong))
        {
            if (!started)
            {
                if (!tooLong && line.IsEmpty)
                {
                    continue;
                }

                started = true;
                firstLine = _lines.LineNumber;
            }

            if (tooLong)
            {
                error = $"The row is longer than {JsonLinesReader.MaxLineBytes} bytes; an event must be shorter.";
                return true;
            }

            if (!Utf8.IsValid(line.Span))
            {
                error = "The row is not valid UTF-8; logs must be UTF-8 text.";
                return true;
            }

            if (inQuotes)
            {
                _field.Append('\n');
            }

            inQuotes = Split(Encoding.UTF8.GetString(line.Span), inQuotes);
            if (!inQuotes)
            {
                _fields.Add(_field.ToString());
                return true;
            }

            if (_lines.LineNumber - firstLine > 1000)
            {
                error = "A quoted field runs over more than 1000 lines; a closing quote is probably missing.";
                return true;
            }
        }

        if (inQuotes)
        {
            error = "A quoted field is not closed before the end of the input.";
            return true;
        }

        return started;
    }

    // Appends the line's fields; returns whether the line ends inside a quoted field.
    private bool Split(string line, bool inQuotes)
    {
        var delimiter = (char)_delimiter;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (inQuotes)
            {
                if (c == '"')
                {
                    if (i + 1 < line.Length && line[i + 1] == '"')
                    {
                        _field.Append('"');
                        i++;
                    }
                    else
                    {
                        inQuotes = false;
                    }
                }
                else
                {
                    _field.Append(c);
                }
            }
            else if (c == '"' && _field.Length == 0)
            {
                inQuotes = true;
            }
            else if (c == delimiter)
            {
                _fields.Add(_field.ToString());
                _field.Clear();
            }
            else
            {
                _field.Append(c);
            }
        }

        return inQuotes;
    }
}
