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

    /// <summary>
    /// Writes the files to <paramref name="directory"/>: all of them first into a temporary folder beside it, then
    /// moved in one by one, the manifest last, so that a failed write leaves the folder's previous list whole.
    /// </summary>
    /// <exception cref="IOException">A file could not be written or moved.</exception>
    /// <exception cref="UnauthorizedAccessException">The folder or its parent may not be written to.</exception>
    public async Task WriteToAsync(string directory, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        var target = Path.TrimEndingDirectorySeparator(Path.GetFullPath(directory));
        Directory.CreateDirectory(target);
        var parent = Path.GetDirectoryName(target) ?? target;
        var staging = Path.Combine(parent, $".{Path.GetFileName(target)}.partial-{Guid.NewGuid():N}");
        try
        {
            Directory.CreateDirectory(staging);
            foreach (var (name, content) in Files)
            {
                await File.WriteAllBytesAsync(Path.Combine(staging, name), content, cancellationToken);
            }

            foreach (var (name, _) in Files)
            {
                File.Move(Path.Combine(staging, name), Path.Combine(target, name), overwrite: true);
            }
        }
        finally
        {
            if (Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }
        }
    }
}
