namespace OpenDownloads.Counting.Readers;

/// <summary>
/// The grammar of a JSON number (RFC 8259) for <see cref="FlatJsonRecordScanner"/>, which keeps a number's text as it
/// is written: only whether the bytes are one is needed, never its value.
/// </summary>
internal static class JsonNumberText
{
    /// <summary>
    /// Matches a number, <c>-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?</c>, starting at
    /// <paramref name="i"/> and ending a token; on success <paramref name="i"/> stands after it.
    /// </summary>
    public static bool TryMatch(ReadOnlySpan<byte> json, ref int i)
    {
        var at = i;
        if (at < json.Length && json[at] == '-')
        {
            at++;
        }

        if (at == json.Length || !char.IsAsciiDigit((char)json[at]))
        {
            return false;
        }

        at = json[at] == '0' ? at + 1 : SkipDigits(json, at);
        if (at < json.Length && json[at] == '.')
        {
            var fraction = at + 1;
            at = SkipDigits(json, fraction);
            if (at == fraction)
            {
                return false;
            }
        }

        if (at < json.Length && (json[at] | 0x20) == 'e')
        {
            at++;
            if (at < json.Length && json[at] is (byte)'+' or (byte)'-')
            {
                at++;
            }

            var exponent = at;
            at = SkipDigits(json, exponent);
            if (at == exponent)
            {
                return false;
            }
        }

        if (!EndsToken(json, at))
        {
            return false;
        }

        i = at;
        return true;
    }

    private static int SkipDigits(ReadOnlySpan<byte> json, int at)
    {
        while (at < json.Length && char.IsAsciiDigit((char)json[at]))
        {
            at++;
        }

        return at;
    }

    /// <summary>Whether a scalar ends at <paramref name="at"/>: a space, comma, brace or the end.</summary>
    public static bool EndsToken(ReadOnlySpan<byte> json, int at) =>
        at == json.Length || json[at] is (byte)' ' or (byte)',' or (byte)'}';
}
