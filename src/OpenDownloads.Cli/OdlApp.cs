using System.CommandLine;
using System.CommandLine.Parsing;
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
                await error.WriteLineAsync($"odl: {OptionValues.Explain(problem.Message)}");
            }

            await error.WriteLineAsync(UsageHint(parsed.CommandResult));
            return ExitCodes.BadInput;
        }

        var configuration = new InvocationConfiguration { Output = output, Error = error };
        return await parsed.InvokeAsync(configuration, cancellationToken);
    }

    /// <summary>Points at the help of the command that failed ("odl rotation simulate --help"), or odl's own.</summary>
    private static string UsageHint(CommandResult failed)
    {
        var names = new List<string>();
        for (var result = failed; result.Parent is CommandResult parent; result = parent)
        {
            names.Insert(0, result.Command.Name);
        }

        return names.Count == 0
            ? "Run 'odl --help' for usage."
            : $"Run 'odl {string.Join(' ', names)} --help' for usage.";
    }
}
