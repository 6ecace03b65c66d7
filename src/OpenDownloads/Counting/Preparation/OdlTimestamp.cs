using System.Globalization;

namespace OpenDownloads.Counting.Preparation;

/// <summary>
/// Parses request times: ISO 8601 / RFC 3339 dates and times with any UTC offset, up to nine fractional digits
/// (kept to the 100 ns a <see cref="DateTime"/> holds), <c>T</c> or a space between date and time. A time without
/// an offset is taken as UTC, as oDL does.
/// </summary>
public static class OdlTimestamp
{
    /// <summary>Parses <paramref name="text"/> into UTC ticks.</summary>
    /// <exception cref="FormatException">The text is not such a timestamp.</exception>
    public static long ParseUtcTicks(ReadOnlySpan<char> text)
    {
        if (!TryParseUtcTicks(text, out var ticks))
        {
            throw new FormatException(
                $"The timestamp '{text}' is not an ISO 8601 time such as 2022-09-20T00:08:03.328+00:00.");
        }

        return ticks;
    }

    /// <summary>Tries to parse <paramref name="text"/> into UTC ticks.</summary>
    public static bool TryParseUtcTicks(ReadOnlySpan<char> text, out long utcTicks)
    {
        utcTicks = 0;
        text = text.Trim();
        if (text.Length < 10
            || !TryDigits(text, 0, 4, out var year) || text[4] != '-'
            || !TryDigits(text, 5, 2, out var month) || text[7] != '-'
            || !TryDigits(text, 8, 2, out var day))
        {
            return false;
        }

        int hour = 0, minute = 0, second = 0;
        long fractionTicks = 0;
        var i = 10;
        if (i < text.Length && (text[i] == 'T' || text[i] == 't' || text[i] == ' '))
        {
            if (!TryDigits(text, i + 1, 2, out hour) || i + 3 >= text.Length || text[i + 3] != ':'
                || !TryDigits(text, i + 4, 2, out minute))
            {
                return false;
            }

            i += 6;
            if (i < text.Length && text[i] == ':')
            {
                if (!TryDigits(text, i + 1, 2, out second))
                {
                    return false;
                }

                i += 3;
                if (i < text.Length && (text[i] == '.' || text[i] == ','))
                {
                    if (!TryFraction(text, ref i, out fractionTicks))
                    {
                        return false;
                    }
                }
            }
        }

        if (!TryOffset(text[i..], out var offsetMinutes))
        {
            return false;
        }

        if (month is < 1 or > 12 || day < 1 || year < 1 || day > DateTime.DaysInMonth(year, month)
            || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        var local = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Unspecified).Ticks + fractionTicks;
        utcTicks = local - (offsetMinutes * TimeSpan.TicksPerMinute);
        return utcTicks >= DateTime.MinValue.Ticks && utcTicks <= DateTime.MaxValue.Ticks;
    }

    private static bool TryFraction(ReadOnlySpan<char> text, ref int i, out long ticks)
    {
        ticks = 0;
        var start = ++i;
        while (i < text.Length && char.IsAsciiDigit(text[i]))
        {
            i++;
        }

        var digits = i - start;
        if (digits is 0 or > 9)
        {
            return false;
        }

        // Ticks are 100 ns: keep the first seven digits and drop the rest, as a truncation.
        var kept = text.Slice(start, Math.Min(digits, 7));
        ticks = long.Parse(kept, NumberStyles.None, CultureInfo.InvariantCulture);
        for (var pad = kept.Length; pad < 7; pad++)
        {
            ticks *= 10;
        }

        return true;
    }

    private static bool TryOffset(ReadOnlySpan<char> rest, out int minutes)
    {
        minutes = 0;
        if (rest.IsEmpty)
        {
            return true;
        }

        if (rest is "Z" or "z")
        {
            return true;
        }

        if (rest[0] is not ('+' or '-'))
        {
            return false;
        }

        var sign = rest[0] == '-' ? -1 : 1;
        var body = rest[1..];
        int hours, mins = 0;
        var ok = body.Length switch
        {
            2 => TryDigits(body, 0, 2, out hours),
            4 => TryDigits(body, 0, 2, out hours) && TryDigits(body, 2, 2, out mins),
            5 => TryDigits(body, 0, 2, out hours) && body[2] == ':' && TryDigits(body, 3, 2, out mins),
            _ => (hours = 0) != 0,
        };

        minutes = sign * ((hours * 60) + mins);
        return ok && hours < 24 && mins < 60;
    }

    private static bool TryDigits(ReadOnlySpan<char> text, int start, int count, out int value)
    {
        value = 0;
        if (start < 0 || start + count > text.Length)
        {
            return false;
        }

        for (var i = start; i < start + count; i++)
        {
            if (!char.IsAsciiDigit(text[i]))
            {
                return false;
            }

            value = (value * 10) + (text[i] - '0');
        }

        return true;
    }
}
