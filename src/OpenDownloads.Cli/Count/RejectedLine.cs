using System.Text.Json.Serialization;

namespace OpenDownloads.Cli.Count;

/// <summary>One line of <c>rejected.jsonl</c>.</summary>
internal sealed record RejectedLine(
    [property: JsonPropertyName("source")] string Source,
    [property: JsonPropertyName("line")] long Line,
    [property: JsonPropertyName("record")] long Record,
    [property: JsonPropertyName("reason")] string Reason);
