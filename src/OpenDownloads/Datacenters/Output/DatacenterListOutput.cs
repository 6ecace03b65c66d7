using System.Security.Cryptography;
using System.Text.Json;
using OpenDownloads.Datacenters.Building;

namespace OpenDownloads.Datacenters.Output;

/// <summary>Renders a composed list and its manifest into the files a rebuild writes.</summary>
internal static class DatacenterListOutput
{
    public static DatacenterListBuild Render(DatacenterRangeSet ranges, DatacenterManifest manifest)
    {
        var ipv4 = ranges.Ranges.Where(range => range.Range.IsIPv4).ToList();
        var ipv6 = ranges.Ranges.Where(range => !range.Range.IsIPv4).ToList();
        var files = new List<KeyValuePair<string, byte[]>>
        {
            new(DatacenterListFiles.IPv4, DatacenterCsvWriter.Write(ipv4)),
            new(DatacenterListFiles.IPv6, DatacenterCsvWriter.Write(ipv6)),
            new(DatacenterListFiles.IPv4Stats, DatacenterStatsWriter.WriteIPv4(ipv4)),
            new(DatacenterListFiles.IPv6Stats, DatacenterStatsWriter.WriteIPv6(ipv6)),
        };
        manifest = manifest with
        {
            RangesIPv4 = ipv4.Count,
            RangesIPv6 = ipv6.Count,
            Files = [.. files.Select(file => new ManifestFile(
                file.Key, file.Value.LongLength, Convert.ToHexStringLower(SHA256.HashData(file.Value))))],
        };
        files.Add(new(DatacenterListFiles.Manifest, Serialize(manifest)));
        return new DatacenterListBuild(ranges, manifest, files);
    }

    public static byte[] Serialize(DatacenterManifest manifest) =>
        JsonSerializer.SerializeToUtf8Bytes(manifest, ManifestJsonContext.Default.DatacenterManifest);

    public static DatacenterManifest Deserialize(ReadOnlySpan<byte> json) =>
        JsonSerializer.Deserialize(json, ManifestJsonContext.Default.DatacenterManifest)
        ?? throw new JsonException("The manifest is the JSON null; expected an object.");
}
