using System.Security.Cryptography;
using System.Text;

namespace OpenDownloads.ReferenceData;

/// <summary>
/// Finds reference files: a path the user gave, a URL downloaded into the cache (sending the cached copy's ETag so
/// an unchanged file is not downloaded again), or, with neither, the cached copy of the published file, else the
/// published file itself. With no network and no cached copy it fails with a message that says what to do.
/// </summary>
public sealed class ReferenceDataCache
{
    /// <summary>How long one download may take, body included.</summary>
    public static readonly TimeSpan DownloadTimeout = TimeSpan.FromSeconds(60);

    private readonly HttpClient _http;
    private readonly Action<string> _warn;

    /// <summary>
    /// Initializes a cache in <paramref name="directory"/> that downloads with <paramref name="http"/>.
    /// </summary>
    /// <param name="http">The client for downloads.</param>
    /// <param name="directory">Where copies are kept.</param>
    /// <param name="warn">Told when a cached copy stands in for a download that failed.</param>
    public ReferenceDataCache(HttpClient http, string directory, Action<string>? warn = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentException.ThrowIfNullOrEmpty(directory);
        _http = http;
        _warn = warn ?? (_ => { });
        Directory = directory;
    }

    /// <summary>Gets the cache directory.</summary>
    public string Directory { get; }

    /// <summary>
    /// Returns the default cache directory: <c>ODL_CACHE_DIR</c> if set, else <c>$XDG_CACHE_HOME/opendownloads</c>,
    /// else <c>~/.cache/opendownloads</c>.
    /// </summary>
    public static string DefaultDirectory()
    {
        if (Environment.GetEnvironmentVariable("ODL_CACHE_DIR") is { Length: > 0 } configured)
        {
            return configured;
        }

        var root = Environment.GetEnvironmentVariable("XDG_CACHE_HOME") is { Length: > 0 } xdg
            ? xdg
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache");
        return Path.Combine(root, "opendownloads");
    }

    /// <summary>Returns a local path for <paramref name="file"/>, given a user's path or URL or nothing.</summary>
    /// <param name="file">Which reference file.</param>
    /// <param name="pathOrUrl">The user's path or URL, or null for the published file.</param>
    /// <param name="validate">
    /// Throws <see cref="FormatException"/> when a downloaded file is not what it should be (an HTML error page, a
    /// cut body); such a download never replaces the cached copy.
    /// </param>
    /// <param name="cancellationToken">Cancels a download.</param>
    /// <exception cref="ReferenceDataException">The file cannot be found or downloaded.</exception>
    public async Task<string> ResolveAsync(
        ReferenceFile file,
        string? pathOrUrl,
        Action<string> validate,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(validate);
        if (pathOrUrl is null)
        {
            var cached = Path.Combine(Directory, file.CacheFileName);
            return File.Exists(cached)
                ? cached
                : await DownloadAsync(file, file.PublishedUrl, cached, validate, cancellationToken);
        }

        if (Uri.TryCreate(pathOrUrl, UriKind.Absolute, out var url) && url.Scheme is "http" or "https")
        {
            var target = Path.Combine(Directory, "url-" + ShortHash(url.AbsoluteUri) + "-" + file.CacheFileName);
            return await DownloadAsync(file, url, target, validate, cancellationToken);
        }

        if (System.IO.Directory.Exists(pathOrUrl))
        {
            throw new ReferenceDataException(
                $"The {file.Description} '{pathOrUrl}' given with {file.Option} is a directory; give a file or an "
                + "http(s) URL.");
        }

        if (!File.Exists(pathOrUrl))
        {
            throw new ReferenceDataException(
                $"The {file.Description} '{pathOrUrl}' given with {file.Option} does not exist; give an existing "
                + "file or an http(s) URL.");
        }

        return pathOrUrl;
    }

    private static string ShortHash(string text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];

    private async Task<string> DownloadAsync(
        ReferenceFile file,
        Uri url,
        string target,
        Action<string> validate,
        CancellationToken cancellationToken)
    {
        System.IO.Directory.CreateDirectory(Directory);
        var etagPath = target + ".etag";
        var partial = target + ".partial";
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (File.Exists(target) && File.Exists(etagPath))
        {
            var etag = await File.ReadAllTextAsync(etagPath, cancellationToken);
            request.Headers.TryAddWithoutValidation("If-None-Match", etag);
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(DownloadTimeout);
        try
        {
            using var response = await _http.SendAsync(
                request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            if (response.StatusCode == System.Net.HttpStatusCode.NotModified && File.Exists(target))
            {
                return target;
            }

            response.EnsureSuccessStatusCode();
            await using (var output = File.Create(partial))
            {
                await response.Content.CopyToAsync(output, timeout.Token);
            }

            // Only a whole body that reads as the right kind of file becomes the cached copy.
            validate(partial);
            File.Move(partial, target, overwrite: true);
            if (response.Headers.ETag is { } etag)
            {
                await File.WriteAllTextAsync(etagPath, etag.ToString(), cancellationToken);
            }

            return target;
        }
        catch (Exception error) when (error is HttpRequestException or OperationCanceledException or IOException
            or FormatException)
        {
            File.Delete(partial);
            var reason = error is OperationCanceledException
                ? $"no complete answer within {DownloadTimeout.TotalSeconds:0} seconds"
                : error.Message;
            if (File.Exists(target))
            {
                _warn($"the {file.Description} could not be refreshed from {url} ({reason}); using the copy "
                    + $"cached at {target}.");
                return target;
            }

            throw new ReferenceDataException(
                $"The {file.Description} could not be downloaded from {url} ({reason}). Download it where there "
                + $"is network access and pass it with {file.Option} PATH, or save it as {target}.",
                error);
        }
    }
}
