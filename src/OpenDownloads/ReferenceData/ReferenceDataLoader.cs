using OpenDownloads.Agents;
using OpenDownloads.Datacenters;
using OpenDownloads.Datacenters.Output;

namespace OpenDownloads.ReferenceData;

/// <summary>
/// Loads the counter's reference data from the paths or URLs a user gave, or from the published files.
/// </summary>
public static class ReferenceDataLoader
{
    /// <summary>Loads the user-agent classifier from one or more OPAWG v1 lists, earlier lists first.</summary>
    /// <exception cref="ReferenceDataException">A list cannot be found, downloaded or read.</exception>
    public static async Task<AgentClassifier> LoadAgentsAsync(
        ReferenceDataCache cache,
        IReadOnlyList<string> sources,
        CancellationToken cancellationToken)
    {
        var paths = await ResolveAllAsync(cache, ReferenceFile.Agents, sources, cancellationToken);
        return Open(ReferenceFile.Agents, paths, LoadAgents);
    }

    /// <summary>
    /// Loads datacenter ranges from one or more lists in ipcat's CSV format. A folder written by
    /// <c>odl datacenters rebuild</c>, or either list in it, loads both its IPv4 and its IPv6 list.
    /// </summary>
    /// <exception cref="ReferenceDataException">A list cannot be found, downloaded or read.</exception>
    public static async Task<DatacenterRangeSet> LoadDatacentersAsync(
        ReferenceDataCache cache,
        IReadOnlyList<string> sources,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var paths = await ResolveAllAsync(
            cache, ReferenceFile.Datacenters, DatacenterListSources.Expand(sources), cancellationToken);
        return Open(ReferenceFile.Datacenters, paths, LoadDatacenters);
    }

    /// <summary>
    /// Creates the HTTP client reference downloads use: a timeout and a user agent naming this project.
    /// </summary>
    public static HttpClient CreateHttpClient()
    {
        var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
        http.DefaultRequestHeaders.UserAgent.ParseAdd("OpenDownloads-for-Azure/0.1 (odl; reference data)");
        return http;
    }

    private static async Task<List<string>> ResolveAllAsync(
        ReferenceDataCache cache,
        ReferenceFile file,
        IReadOnlyList<string> sources,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cache);
        ArgumentNullException.ThrowIfNull(sources);
        var validate = ValidatorFor(file);
        var paths = new List<string>();
        if (sources.Count == 0)
        {
            paths.Add(await cache.ResolveAsync(file, null, validate, cancellationToken));
        }

        foreach (var source in sources)
        {
            paths.Add(await cache.ResolveAsync(file, source, validate, cancellationToken));
        }

        return paths;
    }

    /// <summary>
    /// Returns a local path for one reference file, given a user's path or URL or nothing, as the loaders do: a
    /// download is checked to read as the right kind of list before it is cached.
    /// </summary>
    /// <exception cref="ReferenceDataException">The file cannot be found or downloaded.</exception>
    public static Task<string> ResolveFileAsync(
        ReferenceDataCache cache,
        ReferenceFile file,
        string? pathOrUrl,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cache);
        return cache.ResolveAsync(file, pathOrUrl, ValidatorFor(file), cancellationToken);
    }

    private static Action<string> ValidatorFor(ReferenceFile file) => file == ReferenceFile.Agents
        ? path => Validate(path, LoadAgents)
        : path => Validate(path, LoadDatacenters);

    private static AgentClassifier LoadAgents(IEnumerable<(Stream Content, string SourceName)> lists) =>
        AgentClassifier.Load(lists);

    private static DatacenterRangeSet LoadDatacenters(IEnumerable<(Stream Content, string SourceName)> lists) =>
        DatacenterRangeSet.Load(lists);

    private static void Validate<T>(string path, Func<IEnumerable<(Stream Content, string SourceName)>, T> load)
    {
        using var content = File.OpenRead(path);
        load([(content, path)]);
    }

    private static T Open<T>(
        ReferenceFile file,
        List<string> paths,
        Func<IEnumerable<(Stream Content, string SourceName)>, T> load)
    {
        var streams = new List<(Stream Content, string SourceName)>();
        try
        {
            foreach (var path in paths)
            {
                streams.Add((File.OpenRead(path), path));
            }

            return load(streams);
        }
        catch (Exception error) when (error is FormatException or IOException or UnauthorizedAccessException)
        {
            throw new ReferenceDataException($"The {file.Description} cannot be read: {error.Message}", error);
        }
        finally
        {
            foreach (var (content, _) in streams)
            {
                content.Dispose();
            }
        }
    }
}
