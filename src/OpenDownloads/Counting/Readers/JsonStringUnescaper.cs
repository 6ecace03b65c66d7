using System.Globalization;
using System.Text;

namespace OpenDownloads.Counting.Readers;

/// <summary>
/// Turns the bytes between a JSON string's quotes, escapes and all, into its UTF-8 text, as
/// <see cref="System.Text.Json.Utf8JsonReader"/> would, or declines: a bad escape, or a surrogate without its pair
/// (which no UTF-8 text can hold), is left to the full reader to report.
/// </summary>
internal static class JsonStringUnescaper
{
    /// <summary>
    /// Unescapes <paramref name="escaped"/> into <paramref name="utf8"/>, at least as long; false if an escape is bad.
    /// </summary>
    public static bool TryUnescape(ReadOnlySpan<byte> escaped, Span<byte> utf8, out int written)
    {
        written = 0;
        var i = 0;
        while (i < escaped.Length)
        {
            var backslash = escaped[i..].IndexOf((byte)'\\');
            var plain = backslash < 0 ? escaped[i..] : escaped.Slice(i, backslash);
            plain.CopyTo(utf8[written..]);
            written += plain.Length;
            i += plain.Length;
            if (backslash < 0)
            {
                return true;
            }

            if (i + 1 >= escaped.Length)
            {
                return false;
            }

            var kind = escaped[i + 1];
            i += 2;
            if (kind == 'u')
            {
                if (!TryCodePoint(escaped, ref i, out var rune))
                {
                    return false;
                }

                written += rune.EncodeToUtf8(utf8[written..]);
                continue;
            }

            if (Simple(kind) is not { } b)
            {
                return false;
            }

            utf8[written++] = b;
        }

        return true;
    }

    private static byte? Simple(byte kind) => kind switch
    {
        (byte)'"' => (byte)'"',
        (byte)'\\' => (byte)'\\',
        (byte)'/' => (byte)'/',
        (byte)'b' => 0x08,
        (byte)'f' => 0x0C,
        (byte)'n' => 0x0A,
        (byte)'r' => 0x0D,
        (byte)'t' => 0x09,
        _ => null,
    };

    // The four hex digits after \u at i, and a low surrogate's \uXXXX after a high one.
    private static bool TryCodePoint(ReadOnlySpan<byte> escaped, ref int i, out Rune rune)
    {
        rune = default;
        if (!TryHex(escaped, i, out var unit))
        {
            return false;
        }

        i += 4;
        if (!char.IsSurrogate((char)unit))
        {
            rune = new Rune(unit);
            return true;
        }

        if (!char.IsHighSurrogate((char)unit)
            || i + 6 > escaped.Length
            || escaped[i] != '\\'
            || escaped[i + 1] != 'u'
            || !TryHex(escaped, i + 2, out var low)
            || !char.IsLowSurrogate((char)low))
        {
            return false;
        }

        i += 6;
        rune = new Rune((char)unit, (char)low);
        return true;
    }

    private static bool TryHex(ReadOnlySpan<byte> escaped, int at, out int value)
    {
        value = 0;
        return at + 4 <= escaped.Length
            && int.TryParse(
                escaped.Slice(at, 4),
                NumberStyles.AllowHexSpecifier,
                CultureInfo.InvariantCulture,
                out value);
    }
}
