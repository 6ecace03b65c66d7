namespace OpenDownloads.Counting.Readers;

/// <summary>
/// Makes an episode id of a logged request URL: the query string and fragment are dropped, and so is the default
/// port of an absolute URL. Query strings carry cache-busters, tracking parameters and, on Storage, SAS signatures:
/// none of them name a different episode, and a signature must never be stored.
/// </summary>
public static class EpisodeUrl
{
    /// <summary>Returns the episode id for <paramref name="url"/>, or null when there is none.</summary>
    public static string? Normalize(string? url)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return url;
        }

        var text = url.Trim();
        var end = text.IndexOfAny(['?', '#']);
        var withoutQuery = end >= 0 ? text[..end] : text;
        if (Uri.TryCreate(withoutQuery, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https")
        {
            return absolute.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped);
        }

        return withoutQuery;
    }
}
