using System.Buffers;
using System.Text;

namespace OpenDownloads.Counting.Preparation;

/// <summary>
/// Percent-decodes a string the way oDL's prepare stage does (Python's <c>urllib.parse.unquote</c>): runs of
/// <c>%XX</c> escapes are read as UTF-8 bytes, invalid sequences become U+FFFD, a malformed escape is kept as
/// it is, and <c>+</c> stays a plus sign.
/// </summary>
internal static class PercentDecoding
{
    public static string Decode(string value)
    {
        var first = value.IndexOf('%', StringComparison.Ordinal);
        if (first < 0)
        {
            return value;
        }

        var builder = new StringBuilder(value.Length);
        builder.Append(value, 0, first);
        var bytes = ArrayPool<byte>.Shared.Rent(value.Length / 3 + 1);
        try
        {
            var i = first;
            while (i < value.Length)
            {
                var byteCount = 0;
                while (i + 2 < value.Length && value[i] == '%' && TryHexByte(value[i + 1], value[i + 2], out var b))
                {
                    bytes[byteCount++] = b;
                    i += 3;
                }

                if (byteCount > 0)
                {
                    builder.Append(Encoding.UTF8.GetString(bytes, 0, byteCount));
                    continue;
                }

                builder.Append(value[i]);
                i++;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
        }

        return builder.ToString();
    }

    private static bool TryHexByte(char high, char low, out byte value)
    {
        var h = HexValue(high);
        var l = HexValue(low);
        value = (byte)((h << 4) | l);
        return h >= 0 && l >= 0;
    }

    private static int HexValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        >= 'A' and <= 'F' => c - 'A' + 10,
        _ => -1,
    };
}
