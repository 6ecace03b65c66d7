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
    private readonly HttpClient _http;

    /// <summary>Initializes a cache in <paramref name="directory"/> that downloads with <paramref
    /// name="http"/>.</summary>
    public ReferenceDataCache(HttpClient http, string directory)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentException.ThrowIfNullOrEmpty(directory);
        _http = http;
        Directory = directory;
    }

    /// <summary>Gets the cache directory.</summary>
    public string Directory { get; }

    /// <summary>
    /// Returns the default cache directory: <c>ODL_CACHE_DIR</c> if set, else <c>$XDG_CACHE_HOME/opendownloads</c>,
    /// else the user's local application data folder.
    /// </summary>
    public static string DefaultDirectory()
    {
        if (Environment.GetEnvironmentVariable("ODL_CACHE_DIR") is { Length: > 0 } configured)
        {
            return configured;
        }

        var root = Environment.GetEnvironmentVariable("XDG_CACHE_HOME") is { Length: > 0 } xdg
            ? xdg
            : Environment.GetFolderPath(
                Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create);
        return Path.Combine(root, "opendownloads");
    }

    /// <summary>Returns a local path for <paramref name="file"/>, given a user's path or URL or nothing.</summary>
    /// <exception cref="ReferenceDataException">The file cannot be found or downloaded.</exception>
    public async Task<string> ResolveAsync(ReferenceFile file, string? pathOrUrl, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        if (pathOrUrl is null)
        {
            var cached = Path.Combine(Directory, file.CacheFileName);
            return File.Exists(cached) ? cached : await DownloadAsync(file, file.PublishedUrl, cached, cancellationToken);
        }

        if (Uri.TryCreate(pathOrUrl, UriKind.Absolute, out var url) && url.Scheme is "http" or "https")
        {
            var target = Path.Combine(Directory, "url-" + ShortHash(url.AbsoluteUri) + "-" + file.CacheFileName);
            return await DownloadAsync(file, url, target, cancellationToken);
        }

        if (!File.Exists(pathOrUrl))
        {
            throw new ReferenceDataException(
                $"The {file.Description} '{pathOrUrl}' given with {file.Option} does not exist; give an existing file or "
                + "an http(s) URL.");
        }

        return pathOrUrl;
    }

    private static string ShortHash(string text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];

    private async Task<string> DownloadAsync(ReferenceFile file, Uri url, string target, CancellationToken cancellationToken)
    {
        System.IO.Directory.CreateDirectory(Directory);
        var etagPath = target + ".etag";
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (File.Exists(target) && File.Exists(etagPath))
        {
            var etag = await File.ReadAllTextAsync(etagPath, cancellationToken);
            request.Headers.TryAddWithoutValidation("If-None-Match", etag);
        }

        try
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            if (response.StatusCode == System.Net.HttpStatusCode.NotModified && File.Exists(target))
            {
                return target;
            }

            response.EnsureSuccessStatusCode();
            var partial = target + ".partial";
            await using (var output = File.Create(partial))
            {
                await response.Content.CopyToAsync(output, cancellationToken);
            }

            // Move into place only when the whole body arrived, so a cut download never becomes the cached copy.
            File.Move(partial, target, overwrite: true);
            if (response.Headers.ETag is { } etag)
            {
                await File.WriteAllTextAsync(etagPath, etag.ToString(), cancellationToken);
            }

            return target;
        }
        catch (Exception error) when (error is HttpRequestException or TaskCanceledException or IOException)
        {
            if (File.Exists(target))
            {
                return target;
            }

            throw new ReferenceDataException(
                $"The {file.Description} could not be downloaded from {url} ({error.Message}). Download it where there "
                + $"is network access and pass it with {file.Option} PATH, or save it as {target}.",
                error);
        }
    }
}
