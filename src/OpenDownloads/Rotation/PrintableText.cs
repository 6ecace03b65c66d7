using System.Globalization;
using System.Text;

namespace OpenDownloads.Rotation;

/// <summary>
/// Makes text safe to put in one log line, message or alert: control characters (a newline could forge a log
/// line) are written as \uXXXX. Text from outside (configuration, ARM, the network) is also cut, since its length
/// is not ours to choose; the tool's own messages are never cut, because their explaining part comes last.
/// </summary>
internal static class PrintableText
{
    public const int MaxLength = 200;

    /// <summary>Text from outside: escaped and cut at <see cref="MaxLength"/> characters.</summary>
    public static string Of(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        return text.Length > MaxLength ? Escape(text[..MaxLength]) + "…" : Escape(text);
    }

    /// <summary>
    /// The tool's own message, which quotes outside text already cut by <see cref="Of"/>: escaped, never cut.
    /// </summary>
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var builder = new StringBuilder(text.Length);
        foreach (var character in text)
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

        return builder.ToString();
    }
}
