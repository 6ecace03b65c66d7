using System.Text.Json.Serialization;

namespace OpenDownloads.Datacenters.Output;

/// <summary>Source-generated JSON for <see cref="DatacenterManifest"/>: camelCase, indented, nulls left out.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(DatacenterManifest))]
internal sealed partial class ManifestJsonContext : JsonSerializerContext;
