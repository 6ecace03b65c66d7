using System.Diagnostics;
using System.IO.Compression;
using System.Text.Json;

namespace OpenDownloads.Functions.Tests.Deployment;

/// <summary>
/// `dotnet publish` of the app (of the build the tests run against, with OdlSkipWorkerExtensions=true as on this
/// project's machines) writes the package zip the README's deploy command uploads.
/// </summary>
public sealed class PublishOutputTests : IClassFixture<PublishOutputTests.PublishedPackage>
{
    private readonly PublishedPackage _package;

    public PublishOutputTests(PublishedPackage package)
    {
        _package = package;
    }

    public static TheoryData<string> PackageFiles => new()
    {
        "OpenDownloads.Functions.dll",
        "OpenDownloads.Functions.runtimeconfig.json",
        "OpenDownloads.dll",
        "host.json",
        "functions.metadata",
        "worker.config.json",
    };

    [Theory]
    [MemberData(nameof(PackageFiles))]
    public void Publish_PackageZip_HoldsTheFileAtItsRoot(string name)
    {
        var sut = _package.EntryNames;

        Assert.Contains(name, sut);
    }

    [Fact]
    public void Publish_PackageZip_HostJsonIsTheRepositorys()
    {
        var sut = _package.Read("host.json");

        Assert.Equal(File.ReadAllText(Path.Combine(FunctionsBuildOutput.RepositoryRoot, "host.json")), sut);
    }

    [Fact]
    public void Publish_FunctionsMetadata_DeclaresEveryFunctionOfTheApp()
    {
        using var sut = JsonDocument.Parse(_package.Read("functions.metadata"));

        var names = sut.RootElement.EnumerateArray().Select(f => f.GetProperty("name").GetString()).Order();
        Assert.Equal(SettingKeys.FunctionNames(), names);
    }

    [Fact]
    public void Publish_WorkerConfig_StartsTheWorkerAssembly()
    {
        using var sut = JsonDocument.Parse(_package.Read("worker.config.json"));

        var description = sut.RootElement.GetProperty("description");
        Assert.Equal("dotnet-isolated", description.GetProperty("language").GetString());
        Assert.Equal("OpenDownloads.Functions.dll", description.GetProperty("defaultWorkerPath").GetString());
    }

    [Fact]
    public void Publish_WithoutWorkerExtensions_LeavesOutWhatOnlyTheExtensionsBuildWrites()
    {
        var sut = _package.EntryNames;

        Assert.DoesNotContain("extensions.json", sut);
        Assert.DoesNotContain(sut, name => name.StartsWith(".azurefunctions/", StringComparison.Ordinal));
        Assert.DoesNotContain("local.settings.json", sut);
    }

    /// <summary>Publishes once for the class, from the existing build (--no-build), into a temporary folder.</summary>
    public sealed class PublishedPackage : IDisposable
    {
        private readonly string _folder = Directory.CreateTempSubdirectory("odl-publish-").FullName;

        public PublishedPackage()
        {
            var zip = Path.Combine(_folder, "OpenDownloads.Functions.zip");
            var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var argument in new[]
            {
                "publish", FunctionsBuildOutput.ProjectPath, "-c", FunctionsBuildOutput.Configuration, "--no-build",
                "-o", Path.Combine(_folder, "publish"), $"-p:OdlPackageZip={zip}", "-p:OdlSkipWorkerExtensions=true",
                "-nologo",
            })
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start)!;
            var errors = process.StandardError.ReadToEndAsync();
            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0 || !File.Exists(zip))
            {
                throw new InvalidOperationException(
                    $"dotnet publish exited {process.ExitCode} without writing {zip}: {output}{errors.Result}");
            }

            using var archive = ZipFile.OpenRead(zip);
            EntryNames = archive.Entries.Select(e => e.FullName.Replace('\\', '/')).ToHashSet(StringComparer.Ordinal);
            ZipPath = zip;
        }

        public IReadOnlySet<string> EntryNames { get; }

        public string ZipPath { get; }

        public string Read(string name)
        {
            using var archive = ZipFile.OpenRead(ZipPath);
            using var reader = new StreamReader(archive.GetEntry(name)!.Open());
            return reader.ReadToEnd();
        }

        public void Dispose() => Directory.Delete(_folder, recursive: true);
    }
}
