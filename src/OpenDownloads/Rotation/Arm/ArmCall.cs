using System.Text.Json;

namespace OpenDownloads.Rotation.Arm;

/// <summary>
/// One ARM request: method, resource path, api-version and extra query parameters; a body is never logged.
/// </summary>
internal sealed record ArmCall(string Method, string Path, string ApiVersion)
{
    public IReadOnlyList<KeyValuePair<string, string>> Query { get; init; } = [];

    /// <summary>A JSON body, or null. It may hold a container app's template, so it is sent but never logged.</summary>
    public string? Body { get; init; }

    /// <summary>The query string after api-version, e.g. "softRestart=true", or empty.</summary>
    public string ExtraQuery =>
        string.Join('&', Query.Select(pair => $"{pair.Key}={Uri.EscapeDataString(pair.Value)}"));

    public Uri ToUri(Uri endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        var query = $"api-version={ApiVersion}" + (Query.Count > 0 ? $"&{ExtraQuery}" : string.Empty);
        return new Uri(endpoint, $"{Path}?{query}");
    }

    /// <summary>
    /// One line of JSON: method, path, api-version and, when set, query, consumer, ARM's status and the error.
    /// </summary>
    public string ToJsonLine(string? consumer = null, int? status = null, string? error = null)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("method", Method);
            writer.WriteString("path", Path);
            writer.WriteString("api-version", ApiVersion);
            WriteIfSet(writer, "query", Query.Count > 0 ? ExtraQuery : null);
            WriteIfSet(writer, "consumer", consumer);
            if (status is { } answered)
            {
                writer.WriteNumber("status", answered);
            }

            WriteIfSet(writer, "error", error);
            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteIfSet(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }

    public override string ToString() =>
        $"{Method} {Path}?api-version={ApiVersion}{(Query.Count > 0 ? $"&{ExtraQuery}" : string.Empty)}";
}
