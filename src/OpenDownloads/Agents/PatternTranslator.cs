using System.Text;

namespace OpenDownloads.Agents;

/// <summary>
/// Rewrites a regular expression written for Python's <c>re</c> (the dialect oDL runs the OPAWG list in) into one
/// .NET compiles with the same meaning.
/// </summary>
/// <remarks>
/// Only escapes that differ are touched: <c>\_</c>, which Python and JavaScript read as <c>_</c> but .NET rejects,
/// and <c>\Z</c>, which is end of input in Python and so .NET's <c>\z</c>. Both are safe to rewrite without knowing
/// whether they sit inside a character class, because <c>_</c> means the same there and Python rejects <c>\Z</c>
/// there. Other Python-only syntax, such as <c>(?P&lt;name&gt;...)</c>, is left for the .NET parser to reject, so a
/// pattern that cannot be carried over exactly fails loudly instead of matching something else.
/// </remarks>
internal static class PatternTranslator
{
    public static string Translate(string pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);

        var builder = new StringBuilder(pattern.Length);
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c != '\\' || i + 1 == pattern.Length)
            {
                builder.Append(c);
                continue;
            }

            // Escapes are consumed as pairs so that an escaped backslash followed by '_' or 'Z' stays as it is.
            var escaped = pattern[++i];
            _ = escaped switch
            {
                '_' => builder.Append('_'),
                'Z' => builder.Append("\\z"),
                _ => builder.Append('\\').Append(escaped),
            };
        }

        return builder.ToString();
    }
}
