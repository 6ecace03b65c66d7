namespace OpenDownloads.Cli.Count;

/// <summary>
/// Checks, before anything is counted, that every log can be opened and the output directory can be written, so a
/// mistake stops the run at once with a clear message instead of after hours of counting.
/// </summary>
internal static class InputChecks
{
    /// <summary>Returns why the logs or the output directory cannot be used, or null when they can.</summary>
    public static string? FindProblem(IReadOnlyList<string> logs, string? outDirectory, string command = "count")
    {
        foreach (var log in logs)
        {
            if (FindLogProblem(log, command) is { } problem)
            {
                return problem;
            }
        }

        return outDirectory is null ? null : FindOutputProblem(outDirectory);
    }

    private static string? FindLogProblem(string log, string command)
    {
        if (Directory.Exists(log))
        {
            return $"the log '{log}' is a directory; give the log files in it.";
        }

        if (!File.Exists(log))
        {
            return log.StartsWith('-')
                ? $"'{log}' is not an option of odl {command}; run 'odl {command} --help' for the options."
                : $"the log file '{log}' does not exist.";
        }

        try
        {
            using var probe = File.OpenRead(log);
            return null;
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            return $"the log file '{log}' cannot be read: {error.Message}";
        }
    }

    private static string? FindOutputProblem(string outDirectory)
    {
        if (File.Exists(outDirectory))
        {
            return $"--out '{outDirectory}' is a file; give a directory for the output files.";
        }

        try
        {
            Directory.CreateDirectory(outDirectory);
            var probe = Path.Combine(outDirectory, ".odl-write-check");
            File.WriteAllText(probe, string.Empty);
            File.Delete(probe);
            return null;
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            return $"--out '{outDirectory}' cannot be written: {error.Message}";
        }
    }
}
