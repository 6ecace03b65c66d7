using System.Text;

namespace OpenDownloads.Datacenters.Providers;

/// <summary>
/// Reads text feeds a line at a time: plain prefix lists and RFC 8805 geofeeds. Blank lines and <c>#</c> comments
/// are skipped; CRLF, a byte order mark and a missing final newline are fine.
/// </summary>
internal static class FeedText
{
    /// <summary>
    /// Adds the first comma-separated field of every line: the whole line of a list, a geofeed's prefix.
    /// </summary>
    public static void AddFirstFields(ReadOnlyMemory<byte> body, FeedDocument document, PrefixCollector prefixes)
    {
        var text = Decode(body, document);
        var lineNumber = 0;
        foreach (var line in text.AsSpan().EnumerateLines())
        {
            lineNumber++;
            var content = line.Trim();
            if (content.IsEmpty || content[0] == '#')
            {
                continue;
            }

            var comma = content.IndexOf(',');
            prefixes.Add(comma < 0 ? content : content[..comma], $"line {lineNumber} of '{document.FileName}'");
        }
    }

    private static string Decode(ReadOnlyMemory<byte> body, FeedDocument document)
    {
        var span = body.Span;
        if (span.StartsWith("\uFEFF"u8))
        {
            span = span[3..];
        }

        var text = Encoding.UTF8.GetString(span);
        if (text.AsSpan().TrimStart().StartsWith("<", StringComparison.Ordinal))
        {
            throw new FeedFormatException(
                $"The feed '{document.FileName}' is markup, not a list of prefixes; expected one prefix per line.");
        }

        return text;
    }
}
