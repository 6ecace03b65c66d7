using System.Text.Json.Nodes;
using OpenDownloads.Counting;

namespace OpenDownloads.Cli.Streaming;

/// <summary>What a replay counted.</summary>
/// <param name="Report">The closed days' counts and the undated records, as <c>odl count</c> reports them.</param>
/// <param name="Late">Requests that arrived after their day had stopped taking requests, dead-lettered.</param>
/// <param name="OpenDays">The provisional totals of the days left open (<c>--keep-open</c>), as their blobs hold
/// them.</param>
/// <param name="Events">Events delivered, redeliveries included.</param>
/// <param name="Batches">Deliveries made.</param>
/// <param name="ClosedDays">Days closed during and after the replay.</param>
/// <param name="Streamed">How long the deliveries took, closing included.</param>
internal sealed record ReplayOutcome(
    CountReport Report,
    long Late,
    IReadOnlyList<JsonObject> OpenDays,
    int Events,
    int Batches,
    int ClosedDays,
    TimeSpan Streamed);
