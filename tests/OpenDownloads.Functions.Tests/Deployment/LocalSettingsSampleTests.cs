using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using OpenDownloads.Datacenters;
using OpenDownloads.Rotation.Configuration;
using OpenDownloads.Streaming;

namespace OpenDownloads.Functions.Tests.Deployment;

/// <summary>The sample works as it is: every start-up check passes, it points at Azurite, it holds no secret.</summary>
public sealed class LocalSettingsSampleTests
{
    [Fact]
    public void Values_EveryStartupCheckOfTheApp_Passes()
    {
        var configuration = LocalSettingsSample.Configuration();
        var services = new ServiceCollection()
            .AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance)
            .AddSingleton(typeof(ILogger<>), typeof(NullLogger<>))
            .AddOpenDownloadsFunctions(configuration);
        using var sut = services.BuildServiceProvider();

        sut.GetRequiredService<IStartupValidator>().Validate();
        Assert.Empty(sut.GetRequiredService<IOptions<StreamingOptions>>().Value.Validate());
        Assert.Empty(sut.GetRequiredService<IOptions<DatacenterRebuildOptions>>().Value.Validate());
        var rotation = RotationConfiguration.Read(configuration);
        Assert.True(rotation.DryRun);
        Assert.Single(rotation.Consumers.All);
    }

    [Fact]
    public void Values_Storage_IsAzuriteByConnectionString()
    {
        var sut = LocalSettingsSample.Values();

        Assert.Equal("UseDevelopmentStorage=true", sut["AzureWebJobsStorage"]);
        Assert.Equal("dotnet-isolated", sut["FUNCTIONS_WORKER_RUNTIME"]);
    }

    [Fact]
    public void Values_EveryValue_HoldsNoSecretAndAimsOnlyAtLoopbackOrPublicLists()
    {
        var sut = LocalSettingsSample.Values();

        Assert.All(sut, value =>
        {
            Assert.DoesNotContain("AccountKey=", value.Value ?? string.Empty, StringComparison.OrdinalIgnoreCase);
            // The Event Hubs emulator's documented placeholder is the only shared access key allowed.
            Assert.DoesNotMatch("SharedAccessKey=(?!SAS_KEY_VALUE;)", value.Value ?? string.Empty);
            Assert.DoesNotContain("@Microsoft.KeyVault", value.Value ?? string.Empty, StringComparison.Ordinal);
        });
        Assert.Contains("Endpoint=sb://127.0.0.1;", sut["CountDownloads__EventHub"], StringComparison.Ordinal);
    }
}
