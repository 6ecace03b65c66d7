using System.Globalization;

namespace OpenDownloads.Counting.Readers.Avro;

/// <summary>
/// Writes a floating-point value the way oDL's <c>clean_int</c> sees it: <c>int(value)</c>, which truncates toward
/// zero and keeps every digit of a large value.
/// </summary>
internal static class TruncatedInteger
{
    // 2^63 as a double: below it a truncated value fits a long; above it "F0" writes the exact integer.
    private const double LongLimit = 9223372036854775808.0;

    /// <summary>
    /// Returns the truncated value in invariant digits. NaN and infinities, which <c>int()</c> refuses, come back as
    /// their invariant names so that cleaning reports them rather than the reader hiding them.
    /// </summary>
    public static string Format(double value)
    {
        if (!double.IsFinite(value))
        {
            return value.ToString(CultureInfo.InvariantCulture);
        }

        var truncated = Math.Truncate(value);
        return truncated is >= -LongLimit and < LongLimit
            ? ((long)truncated).ToString(CultureInfo.InvariantCulture)
            : truncated.ToString("F0", CultureInfo.InvariantCulture);
    }
}
