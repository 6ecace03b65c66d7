using OpenDownloads.Datacenters.Output;

namespace OpenDownloads.Datacenters.Building;

/// <summary>A rebuilt list: its ranges, its manifest, and the files to write or publish.</summary>
public sealed class DatacenterListBuild
{
    internal DatacenterListBuild(
        DatacenterRangeSet ranges,
        DatacenterManifest manifest,
        IReadOnlyList<KeyValuePair<string, byte[]>> files)
    {
        Ranges = ranges;
        Manifest = manifest;
        Files = files;
    }

    /// <summary>Gets the list's ranges, IPv4 and IPv6.</summary>
    public DatacenterRangeSet Ranges { get; }

    /// <summary>Gets what the rebuild read and wrote.</summary>
    public DatacenterManifest Manifest { get; }

    /// <summary>Gets the files by name, the manifest last, as they are written.</summary>
    public IReadOnlyList<KeyValuePair<string, byte[]>> Files { get; }

    /// <summary>Writes the files to <paramref name="directory"/>, each through a temporary file and a rename.</summary>
    public async Task WriteToAsync(string directory, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(directory);
        foreach (var (name, content) in Files)
        {
            var path = Path.Combine(directory, name);
            await File.WriteAllBytesAsync(path + ".partial", content, cancellationToken);
            File.Move(path + ".partial", path, overwrite: true);
        }
    }
}
