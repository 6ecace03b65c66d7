using System.Text.Json;
using OpenDownloads.Rotation.Events;

namespace OpenDownloads.Rotation.Coordination;

/// <summary>Stores a list of changes in one table property or message field as JSON.</summary>
internal static class ChangeListJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static string Write(IEnumerable<SecretChange> changes) =>
        JsonSerializer.Serialize(changes.ToList(), Options);

    public static List<SecretChange> Read(string? json) =>
        string.IsNullOrEmpty(json) ? [] : JsonSerializer.Deserialize<List<SecretChange>>(json, Options) ?? [];

    /// <summary>
    /// The changes of <paramref name="first"/> followed by those of <paramref name="second"/> it lacks.
    /// </summary>
    public static List<SecretChange> Union(IEnumerable<SecretChange> first, IEnumerable<SecretChange> second) =>
        [.. first.Concat(second).DistinctBy(change => change.Key)];
}
