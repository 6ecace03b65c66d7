namespace OpenDownloads.Counting.Readers.Combined;

/// <summary>
/// Splits a logged request line, <c>GET /show/ep1.mp3 HTTP/1.1</c>, into its method and path. The path is everything
/// between the method and the last <c> HTTP/x.y</c>, since some servers log a path's spaces unescaped
/// (<c>GET /ep 1.mp3 HTTP/1.1</c>); a line without a protocol (HTTP/0.9) takes the rest as the path.
/// </summary>
public static class CombinedLogRequest
{
    /// <summary>Tries to split <paramref name="request"/>; false when it has no method and path.</summary>
    public static bool TryParse(string request, out string method, out string path)
    {
        ArgumentNullException.ThrowIfNull(request);
        method = path = string.Empty;
        var text = request.Trim(' ');
        var space = text.IndexOf(' ', StringComparison.Ordinal);
        if (space <= 0)
        {
            return false;
        }

        method = text[..space];
        var rest = text[(space + 1)..].TrimStart(' ');
        var protocol = rest.LastIndexOf(" HTTP/", StringComparison.Ordinal);
        if (protocol >= 0 && IsVersion(rest.AsSpan(protocol + 6)))
        {
            rest = rest[..protocol].TrimEnd(' ');
        }

        path = rest;
        return path.Length > 0;
    }

    private static bool IsVersion(ReadOnlySpan<char> version)
    {
        if (version.IsEmpty || !char.IsAsciiDigit(version[0]))
        {
            return false;
        }

        foreach (var c in version)
        {
            if (!char.IsAsciiDigit(c) && c != '.')
            {
                return false;
            }
        }

        return true;
    }
}
