using System.Text.Json;
using OpenDownloads.Datacenters.Building;

namespace OpenDownloads.Datacenters.Output;

/// <summary>
/// Finds the lists to load in this job's output, so that a reader such as <c>odl count --datacenters</c> takes
/// the IPv6 list along with the IPv4 one: a folder stands for its <c>datacenters.csv</c> and
/// <c>datacenters-ipv6.csv</c>, and either file of a rebuild's output (beside its <c>manifest.json</c>) brings
/// its sibling.
/// </summary>
public static class DatacenterListSources
{
    /// <summary>
    /// Expands folders and rebuild outputs among <paramref name="sources"/>; URLs and other paths pass through.
    /// </summary>
    public static IReadOnlyList<string> Expand(IReadOnlyList<string> sources)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var expanded = new List<string>();
        foreach (var source in sources)
        {
            foreach (var path in ExpandOne(source).Where(path => !expanded.Contains(path, StringComparer.Ordinal)))
            {
                expanded.Add(path);
            }
        }

        return expanded;
    }

    /// <summary>
    /// Reads a rebuild's output folder as the previous list, or returns <see langword="null"/> when it has none.
    /// </summary>
    /// <exception cref="FormatException">
    /// A list in the folder is not in ipcat's format, or its manifest is not a rebuild's manifest.
    /// </exception>
    public static PublishedDatacenterList? ReadDirectory(string directory)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        var ipv4 = Path.Combine(directory, DatacenterListFiles.IPv4);
        if (!File.Exists(ipv4))
        {
            return null;
        }

        var ranges = new List<DatacenterRange>();
        foreach (var path in ExpandOne(directory))
        {
            using var stream = File.OpenRead(path);
            ranges.AddRange(DatacenterCsvReader.Read(stream, path));
        }

        var manifestPath = Path.Combine(directory, DatacenterListFiles.Manifest);
        var manifest = File.Exists(manifestPath) ? ReadManifest(manifestPath) : null;
        return new PublishedDatacenterList(ranges, manifest);
    }

    private static DatacenterManifest ReadManifest(string path)
    {
        try
        {
            return DatacenterListOutput.Deserialize(File.ReadAllBytes(path));
        }
        catch (JsonException error)
        {
            throw new FormatException(
                $"The manifest {path} is not a rebuild's manifest ({error.Message}); expected the JSON it wrote.",
                error);
        }
    }

    private static IEnumerable<string> ExpandOne(string source)
    {
        if (Directory.Exists(source))
        {
            // A folder without lists still names its IPv4 list, so that the caller reports that file missing.
            var lists = DatacenterListFiles.RangeLists
                .Select(name => Path.Combine(source, name))
                .Where(File.Exists)
                .ToList();
            return lists.Count > 0 ? lists : [Path.Combine(source, DatacenterListFiles.IPv4)];
        }

        var directory = Path.GetDirectoryName(Path.GetFullPath(source));
        var name = Path.GetFileName(source);
        var isRebuildOutput = File.Exists(source) && directory is not null
            && DatacenterListFiles.RangeLists.Contains(name, StringComparer.Ordinal)
            && File.Exists(Path.Combine(directory, DatacenterListFiles.Manifest));
        return isRebuildOutput
            ? DatacenterListFiles.RangeLists.Select(list => list == name ? source : Path.Combine(directory!, list))
                .Where(File.Exists)
            : [source];
    }
}
