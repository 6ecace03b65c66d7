using System.Reflection;

namespace OpenDownloads.Functions.Tests;

/// <summary>
/// Where the Functions app's build wrote its files, as the test project's build recorded it in this assembly.
/// </summary>
internal static class FunctionsBuildOutput
{
    public static string WorkerAssemblyPath { get; } = ReadMetadata("FunctionsTargetPath");

    public static string Folder { get; } = Path.GetDirectoryName(WorkerAssemblyPath)!;

    public static string RepositoryRoot { get; } = ReadMetadata("RepositoryRoot");

    /// <summary>Gets the Bicep CLI the test project's restore downloaded.</summary>
    public static string BicepCliPath { get; } = ReadMetadata("BicepCliPath");

    /// <summary>Gets the configuration (Debug or Release) the app and these tests were built in.</summary>
    public static string Configuration { get; } = ReadMetadata("Configuration");

    /// <summary>Gets the app's project file.</summary>
    public static string ProjectPath { get; } =
        Path.Combine(RepositoryRoot, "src", "OpenDownloads.Functions", "OpenDownloads.Functions.csproj");

    /// <summary>Gets the app's obj folder, where the SDK writes functions.metadata and WorkerExtensions/.</summary>
    public static string IntermediateFolder { get; } = ReadMetadata("FunctionsIntermediatePath");

    private static string ReadMetadata(string key)
    {
        var value = typeof(FunctionsBuildOutput).Assembly
            .GetCustomAttributes<AssemblyMetadataAttribute>()
            .SingleOrDefault(attribute => attribute.Key == key)?.Value;

        return string.IsNullOrEmpty(value)
            ? throw new InvalidOperationException(
                $"The test assembly has no '{key}' metadata; expected its project file to record it at build time.")
            : value;
    }
}
