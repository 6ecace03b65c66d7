using System.Diagnostics;

namespace OpenDownloads.Functions.Tests.Deployment;

/// <summary>The Bicep CLI from its NuGet package (the test project downloads it), run as a process.</summary>
internal static class BicepCli
{
    /// <summary>Compiles a template and returns the ARM JSON; fails, saying what to do, without the CLI.</summary>
    public static string Build(string templatePath) => Run("build", templatePath, "--stdout");

    /// <summary>
    /// Evaluates a .bicepparam file as ARM would deploy it into a made-up subscription and resource group (`bicep
    /// snapshot`), and returns the snapshot JSON: every predicted resource with the expressions it could resolve.
    /// </summary>
    public static string Snapshot(string parametersPath)
    {
        _ = Run(
            "snapshot", parametersPath, "--mode", "overwrite",
            "--tenant-id", "00000000-0000-0000-0000-00000000000a",
            "--subscription-id", "00000000-0000-0000-0000-00000000000b",
            "--resource-group", "odl-rg",
            "--location", "westeurope");
        return File.ReadAllText(Path.ChangeExtension(parametersPath, ".snapshot.json"));
    }

    private static string Run(string command, string path, params string[] options)
    {
        var cli = FunctionsBuildOutput.BicepCliPath;
        if (!OperatingSystem.IsLinux() || !File.Exists(cli))
        {
            throw new InvalidOperationException(
                $"The Bicep CLI is not at '{cli}'; expected the test project's restore to download "
                + "Azure.Bicep.CommandLine.linux-x64 there (run `dotnet restore` on Linux x64, as .ci/run does).");
        }

        // NuGet may extract the executable without its execute bit.
        File.SetUnixFileMode(cli, File.GetUnixFileMode(cli) | UnixFileMode.UserExecute);
        var start = new ProcessStartInfo(cli)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(command);
        start.ArgumentList.Add(path);
        foreach (var option in options)
        {
            start.ArgumentList.Add(option);
        }

        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync();
        var json = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        var diagnostics = errors.GetAwaiter().GetResult();
        if (process.ExitCode != 0 || diagnostics.Contains(" : Warning ", StringComparison.Ordinal))
        {
            throw new InvalidOperationException(
                $"bicep {command} {path} exited {process.ExitCode} with: {diagnostics}");
        }

        return json;
    }
}
