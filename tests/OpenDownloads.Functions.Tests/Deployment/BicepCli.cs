using System.Diagnostics;

namespace OpenDownloads.Functions.Tests.Deployment;

/// <summary>The Bicep CLI from its NuGet package (the test project downloads it), run as a process.</summary>
internal static class BicepCli
{
    /// <summary>Compiles a template and returns the ARM JSON; fails, saying what to do, without the CLI.</summary>
    public static string Build(string templatePath)
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
        start.ArgumentList.Add("build");
        start.ArgumentList.Add(templatePath);
        start.ArgumentList.Add("--stdout");
        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync();
        var json = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        var diagnostics = errors.GetAwaiter().GetResult();
        if (process.ExitCode != 0 || diagnostics.Contains(" : Warning ", StringComparison.Ordinal))
        {
            throw new InvalidOperationException(
                $"bicep build {templatePath} exited {process.ExitCode} with: {diagnostics}");
        }

        return json;
    }
}
