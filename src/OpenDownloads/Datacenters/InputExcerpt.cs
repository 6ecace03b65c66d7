using System.Globalization;
using System.Text;

namespace OpenDownloads.Datacenters;

/// <summary>
/// Quotes bad input in an error message safely: at most <see cref="MaxLength"/> characters, with control
/// characters escaped, so that a 2 MB line cannot flood a log and an ESC byte cannot drive the terminal.
/// </summary>
internal static class InputExcerpt
{
    /// <summary>The most characters of the input quoted.</summary>
    public const int MaxLength = 80;

    public static string Of(ReadOnlySpan<char> text)
    {
        var builder = new StringBuilder(Math.Min(text.Length, MaxLength) + 8);
        foreach (var c in text[..Math.Min(text.Length, MaxLength)])
        {
            if (char.IsControl(c) || c is '\u2028' or '\u2029')
            {
                builder.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}");
            }
            else
            {
                builder.Append(c);
            }
        }

        return text.Length > MaxLength ? builder.Append("...").ToString() : builder.ToString();
    }
}
