using System.Globalization;
using System.Text;

namespace OpenDownloads.Rotation;

/// <summary>
/// Makes text from configuration or from ARM safe to put in one log line, message or alert: control characters
/// (a newline could forge a log line) are written as \uXXXX, and long text is cut.
/// </summary>
internal static class PrintableText
{
    public const int MaxLength = 200;

    public static string Of(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var builder = new StringBuilder(Math.Min(text.Length, MaxLength));
        foreach (var character in text.Length > MaxLength ? text[..MaxLength] : text)
        {
            if (char.IsControl(character) || character is '\u2028' or '\u2029')
            {
                builder.Append(CultureInfo.InvariantCulture, $"\\u{(int)character:x4}");
            }
            else
            {
                builder.Append(character);
            }
        }

        return text.Length > MaxLength ? builder.Append('…').ToString() : builder.ToString();
    }
}
