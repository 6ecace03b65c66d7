using OpenDownloads.Counting.Readers;

namespace OpenDownloads.Cli.Streaming;

/// <summary>What the user asked <c>odl stream</c> to do.</summary>
internal sealed record StreamOptions(
    IReadOnlyList<string> Logs,
    IReadOnlyList<string> Agents,
    IReadOnlyList<string> Datacenters,
    string? Salt,
    long OffsetSeconds,
    int Partitions,
    int BatchSize,
    double RedeliverFraction,
    bool Shuffle,
    int? Seed,
    string Storage,
    bool Keep,
    bool KeepOpen,
    bool Json,
    LogFormat? Format,
    IReadOnlyList<string> Mappings,
    string? RejectedFile = null);
