using System.CommandLine;

namespace OpenDownloads.Cli.Datacenters;

/// <summary>Declares <c>odl datacenters</c>: rebuilding, publishing and looking up the datacenter list.</summary>
internal static class DatacentersCommand
{
    public static Command Create(TextWriter output, TextWriter error) =>
        new("datacenters", "Rebuild, publish and query the list of datacenter (server) IP ranges.")
        {
            RebuildCommand.Create(output, error),
            LookupCommand.Create(output, error),
        };
}
