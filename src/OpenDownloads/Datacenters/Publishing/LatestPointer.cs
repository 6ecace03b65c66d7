using System.Text.Json.Serialization;

namespace OpenDownloads.Datacenters.Publishing;

/// <summary>The <c>latest.json</c> blob: which published version readers should load.</summary>
/// <param name="Version">The version's folder, such as <c>2026/12/04/031500-1a2b3c4d</c>.</param>
/// <param name="BuiltAt">When that version was built.</param>
internal sealed record LatestPointer(string Version, DateTimeOffset BuiltAt);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(LatestPointer))]
internal sealed partial class LatestPointerJsonContext : JsonSerializerContext;
