using System.Text.Json;

namespace OpenDownloads.Rotation.Arm;

/// <summary>
/// Reads every page of an ARM list by following nextLink, only on the configured ARM host (the token goes with
/// each request) and at most <see cref="DefaultMaxPages"/> pages (a nextLink that loops would never end).
/// </summary>
internal static class ArmPages
{
    public const int DefaultMaxPages = 50;

    /// <exception cref="InvalidDataException">A page is not ARM's list (tried again later).</exception>
    /// <exception cref="InvalidOperationException">
    /// A nextLink points at another host, or the list has more pages than the cap: no later attempt helps.
    /// </exception>
    public static async Task<IReadOnlyList<JsonElement>> ReadAllAsync(
        IArmClient arm,
        ArmCall first,
        string what,
        CancellationToken cancellationToken,
        int maxPages = DefaultMaxPages)
    {
        ArgumentNullException.ThrowIfNull(arm);
        ArgumentNullException.ThrowIfNull(first);
        var items = new List<JsonElement>();
        var call = first;
        for (var page = 1; ; page++)
        {
            var response = await arm.SendAsync(call, cancellationToken).ConfigureAwait(false);
            var parsed = ArmPage.Parse(response.Content, what);
            items.AddRange(parsed.Items);
            if (string.IsNullOrWhiteSpace(parsed.NextLink))
            {
                return items;
            }

            if (page == maxPages)
            {
                throw new InvalidOperationException($"The {what} list of {first.Path} still had a nextLink after "
                    + $"{maxPages} pages; expected at most {maxPages} (a nextLink that loops would never end).");
            }

            call = NextPage(parsed.NextLink, arm.Endpoint, first.ApiVersion, what);
        }
    }

    /// <summary>The call for a nextLink, which must be on the configured endpoint's scheme, host and port.</summary>
    /// <exception cref="InvalidOperationException">The nextLink is not a URL on the configured ARM host.</exception>
    public static ArmCall NextPage(string nextLink, Uri endpoint, string apiVersion, string what)
    {
        ArgumentNullException.ThrowIfNull(nextLink);
        ArgumentNullException.ThrowIfNull(endpoint);
        if (!Uri.TryCreate(endpoint, nextLink.Trim(), out var next) || next.Scheme is not ("https" or "http"))
        {
            throw new InvalidOperationException($"ARM's nextLink for the {what} list is not an http(s) URL; expected "
                + $"a link on {endpoint.Host}.");
        }

        if (next.UserInfo.Length > 0)
        {
            // Said apart from another host: scheme, host and port may all match, and the user info is not echoed.
            throw new InvalidOperationException($"ARM's nextLink for the {what} list carries user info "
                + "(user:password@); refused to follow it (expected a plain link on the configured ARM endpoint, "
                + "which is called with a token).");
        }

        var sameHost = next.Scheme == endpoint.Scheme
            && string.Equals(next.Host, endpoint.Host, StringComparison.OrdinalIgnoreCase)
            && next.Port == endpoint.Port;
        if (!sameHost)
        {
            throw new InvalidOperationException($"ARM's nextLink for the {what} list points at "
                + $"{next.Scheme}://{PrintableText.Of(next.Host)}:{next.Port}, not the configured ARM endpoint "
                + $"{endpoint.Scheme}://{endpoint.Host}:{endpoint.Port}; refused to follow it (the token would go "
                + "there).");
        }

        var version = apiVersion;
        var query = new List<KeyValuePair<string, string>>();
        foreach (var pair in next.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = pair.Split('=', 2);
            var raw = parts.Length == 2 ? parts[1] : string.Empty;
            if (parts[0].Equals("api-version", StringComparison.OrdinalIgnoreCase))
            {
                version = raw;
            }
            else
            {
                // ArmCall escapes values again when it builds the URI.
                query.Add(new(parts[0], Uri.UnescapeDataString(raw)));
            }
        }

        return new ArmCall("GET", next.AbsolutePath, version) { Query = query };
    }
}
