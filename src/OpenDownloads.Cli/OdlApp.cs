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
        var root = new RootCommand("OpenDownloads: open, auditable podcast download counts from your request logs.");
        root.Subcommands.Add(CountCommand.Create(output, error));
        root.Subcommands.Add(Datacenters.DatacentersCommand.Create(output, error));
        root.Subcommands.Add(Rotation.RotationCommand.Create(output, error));
        root.Subcommands.Add(Streaming.StreamCommand.Create(output, error));
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            // Usage mistakes are "could not run", like a missing file: exit code 2, not the library's default 1.
            foreach (var problem in parsed.Errors)
            {
                await error.WriteLineAsync($"odl: {problem.Message}");
            }

            await error.WriteLineAsync("Run 'odl --help' or 'odl count --help' for usage.");
            return ExitCodes.BadInput;
        }

        var configuration = new InvocationConfiguration { Output = output, Error = error };
        return await parsed.InvokeAsync(configuration, cancellationToken);
    }
}
