using System.Text.Json.Serialization;
using OpenDownloads.Counting.Readers;

namespace OpenDownloads.Cli.Streaming;

/// <summary>
/// One dead letter of a replay as <c>odl stream</c> shows it: where in the files the record was, and why it was not
/// counted; one line of <c>--rejected FILE</c>, in the shape of <c>odl count</c>'s <c>rejected.jsonl</c> plus
/// its kind.
/// </summary>
internal sealed record StreamRejection(
    [property: JsonPropertyName("source")] string Source,
    [property: JsonPropertyName("line")] long Line,
    [property: JsonPropertyName("record")] long Record,
    [property: JsonPropertyName("reason")] string Reason,
    [property: JsonIgnore] bool IsLate)
{
    /// <summary>Gets <c>rejected</c>, or <c>late</c> for a valid request that came after its day closed.</summary>
    [JsonPropertyName("kind")]
    public string Kind => IsLate ? "late" : "rejected";

    /// <summary>Returns the line printed on standard error, as <c>odl count</c> prints a rejection.</summary>
    public override string ToString() => $"{Kind} {new RecordLocation(Source, Line, Record)}: {Reason}";
}
