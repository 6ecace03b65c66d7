using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OpenDownloads.Datacenters;
using OpenDownloads.Functions.Datacenters;

namespace OpenDownloads.Functions.Tests.Datacenters;

public sealed class DatacenterRebuildOptionsValidationTests
{
    [Fact]
    public void Validate_DefaultOptions_Succeeds()
    {
        var sut = new DatacenterRebuildOptionsValidation();

        var result = sut.Validate(null, new DatacenterRebuildOptions());

        Assert.True(result.Succeeded);
    }

    [Fact]
    public void Options_SeveralBadSettings_ReportsEveryProblemAtOnce()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true",
            ["Datacenters:Providers"] = "aws,gcp",
            ["Datacenters:MaxShrink"] = "1.5",
            ["Datacenters:Container"] = "Datacenters_List",
            ["Datacenters:RetainVersions"] = "0",
        }).Build();
        using var services = new ServiceCollection().AddLogging().AddDatacenterRebuild(configuration).BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(
            () => services.GetRequiredService<IOptions<DatacenterRebuildOptions>>().Value);

        Assert.Equal(4, error.Failures.Count());
        Assert.Contains(error.Failures, f => f.Contains("'gcp', which is not a provider", StringComparison.Ordinal));
    }

    [Fact]
    public void Options_BoundFromSettings_ReachTheJob()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true",
            ["Datacenters:AwsServices"] = "EC2,CLOUDFRONT",
            ["Datacenters:AzureServiceTagsUrl"] = "https://download.microsoft.com/ServiceTags_Public_20261130.json",
            ["Datacenters:FeedTimeout"] = "00:00:30",
        }).Build();
        using var services = new ServiceCollection().AddLogging().AddDatacenterRebuild(configuration).BuildServiceProvider();

        var sut = services.GetRequiredService<IOptions<DatacenterRebuildOptions>>().Value;

        Assert.Equal(("EC2,CLOUDFRONT", TimeSpan.FromSeconds(30)), (sut.AwsServices, sut.FeedTimeout));
        Assert.NotNull(services.GetRequiredService<OpenDownloads.Datacenters.Publishing.DatacenterPublishJob>());
    }
}
