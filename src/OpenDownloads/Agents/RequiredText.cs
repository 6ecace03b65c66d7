using System.Text;
using System.Text.RegularExpressions;

namespace OpenDownloads.Agents;

/// <summary>
/// Text every match of a pattern must contain, found by reading the pattern's leading literal characters, so a
/// user agent without it is ruled out by an ordinal search instead of a regular-expression run. Most OPAWG
/// patterns begin with a product name (<c>^Overcast/</c>, <c>AdsBot-Google</c>), and most user agents contain
/// few of them, which makes a first sighting several times cheaper.
/// </summary>
/// <param name="Text">The literal every match contains.</param>
/// <param name="AtStart">Whether the literal is anchored at the start of the input (the pattern began with ^).</param>
internal readonly record struct RequiredText(string Text, bool AtStart)
{
    private const string Metacharacters = ".^$*+?()[]{}|\\";

    /// <summary>Returns whether the user agent can match: it holds the literal where the pattern needs it.</summary>
    public bool CanMatch(string userAgent) => AtStart
        ? userAgent.StartsWith(Text, StringComparison.Ordinal)
        : userAgent.Contains(Text, StringComparison.Ordinal);

    /// <summary>
    /// Finds the pattern's required leading literal, or returns null when there is none or when it cannot be told
    /// safely: options other than culture-invariance or compilation, or an alternation outside any group.
    /// </summary>
    public static RequiredText? Of(Regex pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        const RegexOptions harmless = RegexOptions.CultureInvariant | RegexOptions.Compiled;
        var text = pattern.ToString();
        if ((pattern.Options & ~harmless) != 0 || HasTopLevelAlternation(text))
        {
            return null;
        }

        var atStart = text.StartsWith('^');
        var literal = new StringBuilder();
        var i = atStart ? 1 : 0;
        while (i < text.Length)
        {
            var (c, width) = LiteralAt(text, i);
            if (width == 0)
            {
                break;
            }

            // A quantifier that allows zero repeats makes the character optional; '+' keeps it but ends the run.
            var next = i + width < text.Length ? text[i + width] : '\0';
            if (next is '?' or '*' or '{')
            {
                break;
            }

            literal.Append(c);
            i += width;
            if (next == '+')
            {
                break;
            }
        }

        return literal.Length == 0 ? null : new RequiredText(literal.ToString(), atStart);
    }

    // A plain character, or an escaped punctuation character; escapes such as \d or \b are classes, not text.
    private static (char Value, int Width) LiteralAt(string pattern, int index)
    {
        var c = pattern[index];
        if (c == '\\')
        {
            return index + 1 < pattern.Length && !char.IsLetterOrDigit(pattern[index + 1])
                ? (pattern[index + 1], 2)
                : ('\0', 0);
        }

        return Metacharacters.Contains(c, StringComparison.Ordinal) ? ('\0', 0) : (c, 1);
    }

    private static bool HasTopLevelAlternation(string pattern)
    {
        var depth = 0;
        var inClass = false;
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '\\')
            {
                i++;
            }
            else if (inClass)
            {
                inClass = c != ']';
            }
            else if (c == '[')
            {
                inClass = true;
            }
            else if (c == '(')
            {
                depth++;
            }
            else if (c == ')')
            {
                depth--;
            }
            else if (c == '|' && depth <= 0)
            {
                return true;
            }
        }

        return false;
    }
}
