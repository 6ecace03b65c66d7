using OpenDownloads.Counting.Readers;

namespace OpenDownloads.Cli.Count;

/// <summary>What the user asked <c>odl count</c> to do.</summary>
internal sealed record CountOptions(
    IReadOnlyList<string> Logs,
    IReadOnlyList<string> Agents,
    IReadOnlyList<string> Datacenters,
    string? Salt,
    long OffsetSeconds,
    string? OutDirectory,
    bool Json,
    LogFormat? Format,
    IReadOnlyList<string> Mappings);
