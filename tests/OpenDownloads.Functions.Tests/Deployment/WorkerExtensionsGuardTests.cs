using System.Diagnostics;
using System.Text.RegularExpressions;

namespace OpenDownloads.Functions.Tests.Deployment;

/// <summary>
/// A package without the worker extensions cannot run its Event Hubs and queue triggers, so neither azd's hook nor
/// a plain publish lets one through.
/// </summary>
public sealed partial class WorkerExtensionsGuardTests
{
    [Theory]
    [InlineData("true", 1)]
    [InlineData("True", 1)] // MSBuild compares conditions ignoring case, so this turns the extensions off as well
    [InlineData("TRUE", 1)]
    [InlineData("false", 0)]
    [InlineData("", 0)]
    [InlineData(null, 0)]
    public void AzureYaml_PrepackageHook_RefusesTheSwitchInAnyCase(string? value, int expectedExitCode)
    {
        var yaml = File.ReadAllText(Path.Combine(FunctionsBuildOutput.RepositoryRoot, "azure.yaml"));
        var hook = PrepackageScript().Match(yaml);
        Assert.True(hook.Success, "azure.yaml has no prepackage hook with a run: | block.");
        var script = string.Join('\n', hook.Groups[1].Value.Split('\n').Select(line => line.Trim()));

        var (exitCode, _) = Run("/bin/sh", ["-c", script], value);

        Assert.Equal(expectedExitCode, exitCode);
    }

    [Fact]
    public void Publish_FolderWithoutExtensionsJson_IsRefused()
    {
        var folder = Directory.CreateTempSubdirectory("odl-publish-guard-").FullName;
        try
        {
            var (exitCode, output) = RequireWorkerExtensions(folder);

            Assert.NotEqual(0, exitCode);
            Assert.Contains("has no extensions.json", output, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Publish_FolderWithExtensionsJson_Passes()
    {
        var folder = Directory.CreateTempSubdirectory("odl-publish-guard-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, "extensions.json"), """{ "extensions": [] }""");

            var (exitCode, output) = RequireWorkerExtensions(folder);

            Assert.True(exitCode == 0, output);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Runs the project's check alone on a folder, as a publish without the switch does.</summary>
    private static (int ExitCode, string Output) RequireWorkerExtensions(string publishFolder) =>
        Run(
            Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet",
            [
                "msbuild", FunctionsBuildOutput.ProjectPath, "-t:OdlRequireWorkerExtensions", "-nologo",
                "-p:OdlSkipWorkerExtensions=false", $"-p:Configuration={FunctionsBuildOutput.Configuration}",
                $"-p:PublishDir={publishFolder}/",
            ],
            switchValue: null);

    private static (int ExitCode, string Output) Run(string program, string[] arguments, string? switchValue)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment.Remove("OdlSkipWorkerExtensions");
        if (switchValue is not null)
        {
            start.Environment["OdlSkipWorkerExtensions"] = switchValue;
        }

        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output + errors.GetAwaiter().GetResult());
    }

    [GeneratedRegex(
        @"^  prepackage:\r?\n(?:    .*\r?\n)*?    run: \|\r?\n((?:      .*\r?\n?)+)",
        RegexOptions.Multiline)]
    private static partial Regex PrepackageScript();
}
