using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text;

namespace OpenDownloads.Counting.Readers;

/// <summary>
/// Reads the usual shape of a JSON-lines event, one flat object of strings, numbers, booleans and nulls, in one pass
/// over its bytes, with the names and repeated values taken from a <see cref="RecordParseCache"/>. Any other line (a
/// nested value, a comment, a tab or other control character, an escaped name, broken JSON) is declined and left to
/// <see cref="JsonRecordParser"/>'s full reader, which also words the errors. For every line it accepts, the record
/// is the one the full reader makes.
/// </summary>
internal static class FlatJsonRecordScanner
{
    private const int StackBytes = 512;

    private static readonly SearchValues<byte> QuoteOrBackslash = SearchValues.Create("\"\\"u8);

    /// <summary>
    /// Fills <paramref name="record"/> from <paramref name="json"/> (valid UTF-8) and returns true, or returns false
    /// when the line is not of the usual shape; the record is then partly filled and must be dropped.
    /// </summary>
    public static bool TryRead(ReadOnlySpan<byte> json, RawRecord record, RecordParseCache cache)
    {
        // JSON allows no control character inside a string; between tokens they are rare. Declining them all leaves
        // the space as the only white space to skip here.
        if (json.IndexOfAnyInRange((byte)0, (byte)0x1F) >= 0)
        {
            return false;
        }

        var i = SkipSpaces(json, 0);
        if (i == json.Length || json[i] != '{')
        {
            return false;
        }

        i = SkipSpaces(json, i + 1);
        if (i < json.Length && json[i] == '}')
        {
            return SkipSpaces(json, i + 1) == json.Length;
        }

        while (true)
        {
            if (!TryName(json, ref i, cache.Names, out var field))
            {
                return false;
            }

            i = SkipSpaces(json, i);
            if (i == json.Length || json[i] != ':')
            {
                return false;
            }

            i = SkipSpaces(json, i + 1);
            if (!TryValue(json, ref i, field, record, cache.Values))
            {
                return false;
            }

            i = SkipSpaces(json, i);
            if (i == json.Length)
            {
                return false;
            }

            if (json[i] == '}')
            {
                return SkipSpaces(json, i + 1) == json.Length;
            }

            if (json[i] != ',')
            {
                return false;
            }

            i = SkipSpaces(json, i + 1);
        }
    }

    // A name from its opening quote: most often the one the line before had at this place, matched as bytes.
    private static bool TryName(ReadOnlySpan<byte> json, ref int i, FieldNameCache names, out OdlField? field)
    {
        if (i < json.Length && json[i] == '"' && names.TryExpected(json[(i + 1)..], out field, out var length))
        {
            i += length + 2;
            return true;
        }

        field = null;
        if (!TryString(json, ref i, out var name, out var escaped) || escaped)
        {
            return false;
        }

        field = names.Resolve(json[name]);
        return true;
    }

    private static bool TryValue(
        ReadOnlySpan<byte> json,
        ref int i,
        OdlField? field,
        RawRecord record,
        Utf8StringCache values)
    {
        if (i == json.Length)
        {
            return false;
        }

        switch (json[i])
        {
            case (byte)'"':
                if (!TryString(json, ref i, out var text, out var escaped))
                {
                    return false;
                }

                if (escaped)
                {
                    // Even a skipped value must hold only valid escapes, or the line is not JSON.
                    return TrySetEscaped(json[text], field, record, values);
                }

                if (field is { } known)
                {
                    record[known] = Text(known, json[text], values);
                }

                return true;
            case (byte)'t':
                return TryLiteral(json, ref i, "true"u8, field, record, "true");
            case (byte)'f':
                return TryLiteral(json, ref i, "false"u8, field, record, "false");
            case (byte)'n':
                return TryLiteral(json, ref i, "null"u8, field, record, null);
            default:
                var start = i;
                if (!JsonNumberText.TryMatch(json, ref i))
                {
                    return false;
                }

                if (field is { } numbered)
                {
                    record[numbered] = values.Get(json[start..i]);
                }

                return true;
        }
    }

    // Apart from the usual path, whose frame then needs no stack buffer.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static bool TrySetEscaped(ReadOnlySpan<byte> raw, OdlField? field, RawRecord record, Utf8StringCache values)
    {
        // Unescaped text is never longer than its escaped form.
        var buffer = raw.Length <= StackBytes ? stackalloc byte[StackBytes] : new byte[raw.Length];
        if (!JsonStringUnescaper.TryUnescape(raw, buffer, out var written))
        {
            return false;
        }

        if (field is { } known)
        {
            record[known] = Text(known, buffer[..written], values);
        }

        return true;
    }

    // Nearly every time differs: caching them would only churn the cache.
    private static string Text(OdlField field, ReadOnlySpan<byte> utf8, Utf8StringCache values) =>
        field == OdlField.Timestamp ? Encoding.UTF8.GetString(utf8) : values.Get(utf8);

    // A string from its opening quote; on return i stands after the closing quote and text covers what is between.
    private static bool TryString(ReadOnlySpan<byte> json, ref int i, out Range text, out bool escaped)
    {
        text = default;
        escaped = false;
        if (i == json.Length || json[i] != '"')
        {
            return false;
        }

        var start = i + 1;
        var at = start;
        while (true)
        {
            var found = json[at..].IndexOfAny(QuoteOrBackslash);
            if (found < 0)
            {
                return false;
            }

            at += found;
            if (json[at] == '"')
            {
                text = start..at;
                i = at + 1;
                return true;
            }

            // A backslash and the character it escapes; the four hex digits of \uXXXX are neither quote nor
            // backslash, so the search can go on after the escaped character.
            escaped = true;
            at += 2;
            if (at > json.Length)
            {
                return false;
            }
        }
    }

    private static bool TryLiteral(
        ReadOnlySpan<byte> json,
        ref int i,
        ReadOnlySpan<byte> literal,
        OdlField? field,
        RawRecord record,
        string? value)
    {
        if (!json[i..].StartsWith(literal) || !JsonNumberText.EndsToken(json, i + literal.Length))
        {
            return false;
        }

        i += literal.Length;
        if (field is { } known)
        {
            record[known] = value;
        }

        return true;
    }

    private static int SkipSpaces(ReadOnlySpan<byte> json, int at)
    {
        while (at < json.Length && json[at] == ' ')
        {
            at++;
        }

        return at;
    }
}
