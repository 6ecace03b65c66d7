using OpenDownloads.Datacenters;

namespace OpenDownloads.Cli.Datacenters;

/// <summary>
/// What the user asked <c>odl datacenters rebuild</c> to do, beyond the rebuild's own options, with the problems
/// found parsing them.
/// </summary>
internal sealed record RebuildOptions(
    DatacenterRebuildOptions Rebuild,
    string? OutDirectory,
    string? PreviousDirectory,
    bool Publish,
    string? Connection,
    string ConnectionName,
    IReadOnlyList<string> OptionProblems);
