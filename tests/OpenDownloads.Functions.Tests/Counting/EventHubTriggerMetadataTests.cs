using System.Reflection;
using System.Text.Json;
using System.Xml.Linq;
using Microsoft.Azure.Functions.Worker.Extensions.Abstractions;

namespace OpenDownloads.Functions.Tests.Counting;

/// <summary>
/// The trigger as the Functions SDK sees it: the metadata its source generator emits for the worker, and the
/// functions.metadata and WorkerExtensions project its build task writes for the host.
/// </summary>
public sealed class EventHubTriggerMetadataTests
{
    [Fact]
    public async Task GeneratedMetadata_CountDownloads_IsABatchedEventHubTriggerWithDeferredBindingAndRetry()
    {
        var sut = new GeneratedFunctionMetadataProvider();

        var function = Assert.Single(await sut.GetFunctionMetadataAsync(FunctionsBuildOutput.Folder), f => f.Name == "CountDownloads");

        using var binding = JsonDocument.Parse(Assert.Single(function.RawBindings!));
        var root = binding.RootElement;
        Assert.Equal("eventHubTrigger", root.GetProperty("type").GetString());
        Assert.Equal("events", root.GetProperty("name").GetString());
        Assert.Equal("Many", root.GetProperty("cardinality").GetString());
        Assert.Equal("%CountDownloads:EventHubName%", root.GetProperty("eventHubName").GetString());
        Assert.Equal("%CountDownloads:ConsumerGroup%", root.GetProperty("consumerGroup").GetString());
        Assert.Equal("CountDownloads:EventHub", root.GetProperty("connection").GetString());
        Assert.Equal("True", root.GetProperty("properties").GetProperty("supportsDeferredBinding").GetString());
        Assert.Equal(-1, function.Retry!.MaxRetryCount);
    }

    [Fact]
    public void WorkerExtensionsProject_WrittenByTheSdk_RestoresTheEventHubsWebJobsExtension()
    {
        var path = Path.Combine(FunctionsBuildOutput.IntermediateFolder, "WorkerExtensions", "WorkerExtensions.csproj");

        var sut = XDocument.Load(path);

        var references = sut.Descendants("PackageReference")
            .ToDictionary(r => (string)r.Attribute("Include")!, r => (string)r.Attribute("Version")!);
        Assert.Equal("6.3.5", references["Microsoft.Azure.WebJobs.Extensions.EventHubs"]);
    }

    [Fact]
    public void FunctionsMetadata_WrittenByTheSdk_DeclaresTheEventHubTrigger()
    {
        var path = Path.Combine(FunctionsBuildOutput.IntermediateFolder, "functions.metadata");

        using var sut = JsonDocument.Parse(File.ReadAllText(path));

        var function = sut.RootElement.EnumerateArray().Single(f => f.GetProperty("name").GetString() == "CountDownloads");
        var binding = Assert.Single(function.GetProperty("bindings").EnumerateArray());
        Assert.Equal("eventHubTrigger", binding.GetProperty("type").GetString());
        Assert.Equal("Many", binding.GetProperty("cardinality").GetString());
    }

    [Fact]
    public void Assembly_ExtensionInformation_NamesTheWebJobsPackage()
    {
        var sut = typeof(OpenDownloads.Functions.Counting.CountDownloads).Assembly;

        var extension = Assert.Single(sut.GetCustomAttributes<ExtensionInformationAttribute>());
        Assert.Equal("Microsoft.Azure.WebJobs.Extensions.EventHubs", extension.ExtensionPackage);
        Assert.Equal("6.3.5", extension.ExtensionVersion);
    }
}
