namespace OpenDownloads.Counting.Preparation;

/// <summary>
/// The byte range of a request as oDL keeps it: a start and an end that may each be absent. A request without a
/// Range header has neither.
/// </summary>
/// <param name="Start">The first byte asked for, or <see langword="null"/>.</param>
/// <param name="End">The last byte asked for, or <see langword="null"/> for an open range such as
/// <c>bytes=0-</c>.</param>
public readonly record struct ByteRange(long? Start, long? End)
{
    private const string Prefix = "bytes=";

    /// <summary>Gets the range of a request that asked for the whole file.</summary>
    public static ByteRange Full => default;

    /// <summary>
    /// Reads a Range header as oDL does: the first <c>bytes=START-END</c> found anywhere in the text, END optional.
    /// Only the first range of a multi-range header counts; a suffix range such as <c>bytes=-500</c> has no match.
    /// </summary>
    public static bool TryParseHeader(ReadOnlySpan<char> header, out ByteRange range)
    {
        range = default;
        var searchFrom = 0;
        while (true)
        {
            var found = header[searchFrom..].IndexOf(Prefix, StringComparison.Ordinal);
            if (found < 0)
            {
                return false;
            }

            var at = searchFrom + found + Prefix.Length;
            if (TryMatchAt(header, at, out range))
            {
                return true;
            }

            searchFrom = searchFrom + found + 1;
        }
    }

    /// <summary>Reads a Range header, throwing when it has no <c>bytes=START-END</c>.</summary>
    /// <exception cref="FormatException">The header has no <c>bytes=START-END</c>.</exception>
    public static ByteRange ParseHeader(ReadOnlySpan<char> header) => TryParseHeader(header, out var range)
        ? range
        : throw new FormatException($"The range '{header}' has no bytes=START-END, such as bytes=0-1 or bytes=500-.");

    private static bool TryMatchAt(ReadOnlySpan<char> text, int at, out ByteRange range)
    {
        range = default;
        var startDigits = CountDigits(text, at);
        if (startDigits == 0 || at + startDigits >= text.Length || text[at + startDigits] != '-')
        {
            return false;
        }

        var endAt = at + startDigits + 1;
        var endDigits = CountDigits(text, endAt);
        if (!TryValue(text.Slice(at, startDigits), out var start))
        {
            return false;
        }

        long? end = null;
        if (endDigits > 0)
        {
            if (!TryValue(text.Slice(endAt, endDigits), out var endValue))
            {
                return false;
            }

            end = endValue;
        }

        range = new ByteRange(start, end);
        return true;
    }

    private static int CountDigits(ReadOnlySpan<char> text, int at)
    {
        var i = at;
        while (i < text.Length && char.IsDigit(text[i]))
        {
            i++;
        }

        return i - at;
    }

    // Python's \d and int() accept any Unicode decimal digit, so this does too.
    private static bool TryValue(ReadOnlySpan<char> digits, out long value)
    {
        value = 0;
        foreach (var c in digits)
        {
            var digit = (long)char.GetNumericValue(c);
            if (value > (long.MaxValue - digit) / 10)
            {
                return false;
            }

            value = (value * 10) + digit;
        }

        return true;
    }
}
