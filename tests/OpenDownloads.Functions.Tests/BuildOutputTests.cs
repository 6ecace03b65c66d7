using System.Reflection;
using System.Text.Json;

namespace OpenDownloads.Functions.Tests;

public sealed class BuildOutputTests
{
    [Fact]
    public void Build_FunctionsProject_OutputContainsWorkerAssembly()
    {
        var sut = FunctionsBuildOutput.WorkerAssemblyPath;

        Assert.True(File.Exists(sut), $"No worker assembly at '{sut}'.");
        Assert.Equal("OpenDownloads.Functions", AssemblyName.GetAssemblyName(sut).Name);
        Assert.True(File.Exists(Path.ChangeExtension(sut, ".runtimeconfig.json")), "The worker is not an executable.");
    }

    [Fact]
    public void Build_FunctionsProject_OutputContainsRepositoryRootHostJson()
    {
        var sut = Path.Combine(FunctionsBuildOutput.Folder, "host.json");

        Assert.True(File.Exists(sut), $"No host.json in '{FunctionsBuildOutput.Folder}'.");
        Assert.Equal(
            File.ReadAllText(Path.Combine(FunctionsBuildOutput.RepositoryRoot, "host.json")),
            File.ReadAllText(sut));
    }

    [Fact]
    public void HostJson_FunctionCategory_LogsAtInformation()
    {
        using var sut = JsonDocument.Parse(File.ReadAllText(Path.Combine(FunctionsBuildOutput.Folder, "host.json")));

        var root = sut.RootElement;
        var logLevels = root.GetProperty("logging").GetProperty("logLevel");
        Assert.Equal("2.0", root.GetProperty("version").GetString());
        Assert.Equal("Information", logLevels.GetProperty("Function").GetString());
    }

    [Fact]
    public void LocalSettingsSample_Values_PointAtAzuriteAndIsolatedWorker()
    {
        var path = Path.Combine(FunctionsBuildOutput.RepositoryRoot, "local.settings.sample.json");
        using var sut = JsonDocument.Parse(File.ReadAllText(path));

        var values = sut.RootElement.GetProperty("Values");
        Assert.Equal("UseDevelopmentStorage=true", values.GetProperty("AzureWebJobsStorage").GetString());
        Assert.Equal("dotnet-isolated", values.GetProperty("FUNCTIONS_WORKER_RUNTIME").GetString());
    }
}
