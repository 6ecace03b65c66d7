namespace OpenDownloads.Benchmarks.EndToEnd;

/// <summary>
/// Runs the built <c>odl</c> command, as a user does, for the measures that need a process of its own.
/// </summary>
internal static class OdlCommand
{
    public static ChildProcessRun Run(params string[] arguments)
    {
        var odl = Path.Combine(AppContext.BaseDirectory, "odl.dll");
        if (!File.Exists(odl))
        {
            throw new FileNotFoundException($"The odl command was not built beside the benchmarks at '{odl}'.");
        }

        var run = ChildProcessRun.Start("dotnet", [odl, .. arguments]);
        return run.ExitCode == 0
            ? run
            : throw new InvalidOperationException(
                $"odl {string.Join(' ', arguments)} failed with exit code {run.ExitCode}: {run.Output}");
    }
}
