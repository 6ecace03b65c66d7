using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using OpenDownloads.Datacenters.Publishing;
using OpenDownloads.Functions.Counting;
using OpenDownloads.Rotation.Coordination;

namespace OpenDownloads.Functions.Tests;

/// <summary>The same package as the rotation responder app: the counter's functions off, its settings absent.</summary>
public sealed class FunctionsServicesTests
{
    private static readonly Dictionary<string, string?> ResponderApp = new()
    {
        ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true",
        ["AzureWebJobs.CountDownloads.Disabled"] = "true",
        ["AzureWebJobs.CloseDownloadDays.Disabled"] = "true",
        ["AzureWebJobs.RebuildDatacenterList.Disabled"] = "true",
        ["AzureWebJobs.RefreshUserAgentList.Disabled"] = "true",
    };

    [Fact]
    public void AddOpenDownloadsFunctions_CounterFunctionsOff_StartsWithoutTheCountersSettings()
    {
        using var sut = Build(ResponderApp);

        // Nothing left to check at start-up: the responder reads its settings when first used.
        Assert.Null(sut.GetService<IStartupValidator>());
        Assert.Null(sut.GetService<StreamCountingHost>());
        Assert.NotNull(sut.GetService<RotationResponder>());
    }

    [Fact]
    public void AddOpenDownloadsFunctions_EveryFunctionOn_ChecksTheCountersSettingsAtStart()
    {
        using var sut = Build(new() { ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true" });

        var error = Assert.Throws<OptionsValidationException>(
            () => sut.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains(
            error.Failures, f => f.StartsWith("CountDownloads:Salt has 0 characters", StringComparison.Ordinal));
    }

    [Fact]
    public void AddOpenDownloadsFunctions_RotationFunctionsOff_WiresNoResponder()
    {
        using var sut = Build(new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true",
            ["CountDownloads:Salt"] = "a-salt-of-sixteen-characters-or-more",
            ["AzureWebJobs.RestartOnSecretRotation.Disabled"] = "true",
            ["AzureWebJobs.RunRotationAction.Disabled"] = "true",
            ["AzureWebJobs.RotationWebhook.Disabled"] = "true",
        });

        Assert.Null(sut.GetService<RotationResponder>());
        Assert.NotNull(sut.GetService<DatacenterPublishJob>());
        Assert.NotNull(sut.GetService<StreamCountingHost>());
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection()
            .AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance)
            .AddSingleton(typeof(ILogger<>), typeof(NullLogger<>))
            .AddOpenDownloadsFunctions(configuration)
            .BuildServiceProvider();
    }
}
