using System.CommandLine;
using OpenDownloads.Cli.Count;

namespace OpenDownloads.Cli;

/// <summary>The odl command line: one sub-command per job, run in-process so tests can call it as users do.</summary>
internal static class OdlApp
{
    /// <summary>Runs odl with <paramref name="args"/>, writing to the given streams; returns the exit code.</summary>
    public static async Task<int> RunAsync(
        string[] args,
        TextWriter output,
        TextWriter error,
        CancellationToken cancellationToken)
    {
        var root = new RootCommand("OpenDownloads: open, auditable podcast download counts from your own request logs.");
        root.Subcommands.Add(CountCommand.Create(output, error));
        root.Subcommands.Add(Streaming.StreamCommand.Create(output, error));
        var configuration = new InvocationConfiguration { Output = output, Error = error };
        return await root.Parse(args).InvokeAsync(configuration, cancellationToken);
    }
}
