using Microsoft.Extensions.Configuration;
using OpenDownloads.Rotation;
using OpenDownloads.Rotation.Configuration;
using OpenDownloads.Rotation.Consumers;
using OpenDownloads.Tests.Rotation.Support;

namespace OpenDownloads.Tests.Rotation.Configuration;

public sealed class RotationSettingsReaderTests
{
    [Fact]
    public void ReadFile_SampleConsumers_ReadsEveryConsumer()
    {
        var sut = RotationConfiguration.ReadFile(Repository.Path("samples", "rotation", "consumers.json"));

        Assert.Equal(["feed-api", "feed-api-staging", "transcoder", "reports"], sut.Consumers.All.Select(consumer => consumer.Name));
        Assert.Equal("staging", sut.Consumers.Find("feed-api-staging")!.Resource.Slot);
        Assert.Equal(ConsumerAction.NewRevision, sut.Consumers.Find("transcoder")!.Action);
        Assert.False(sut.Consumers.Find("reports")!.Enabled);
        Assert.Equal(ConsumerAction.RefreshReferences, sut.Consumers.Find("reports")!.Action);
        Assert.True(OpenDownloads.Rotation.Configuration.ArmSettingsReader.IsLoopback(sut.Arm.Endpoint));
    }

    [Theory]
    [InlineData("plain http off loopback", "http://odl:S3cret-Pass@management.example.org")]
    [InlineData("not an absolute URL", "odl:S3cret-Pass@management.example.org")]
    [InlineData("a scheme other than https", "ftp://odl:S3cret-Pass@management.example.org/")]
    public void Read_EndpointWithUserInfo_RedactsItInTheProblem(string reason, string endpoint)
    {
        var options = new RotationOptions();
        options.Arm.Endpoint = endpoint;

        var error = Assert.Throws<RotationConfigurationException>(() => RotationSettingsReader.Read(options));

        Assert.DoesNotContain("S3cret-Pass", error.Message, StringComparison.Ordinal);
        Assert.True(error.Message.Contains("***@management.example.org", StringComparison.Ordinal), reason);
    }

    [Theory]
    [InlineData("https with user and password", "https://odl:S3cret-Pass@management.example.org/")]
    [InlineData("a loopback stand-in with user info", "http://odl:S3cret-Pass@127.0.0.1:8999/")]
    [InlineData("a user name alone", "https://S3cret-Pass@management.example.org/")]
    public void Read_EndpointWithUserInfo_IsRejectedWithoutEchoingIt(string reason, string endpoint)
    {
        var options = new RotationOptions();
        options.Arm.Endpoint = endpoint;
        options.Arm.Credential = "Default";

        var error = Assert.Throws<RotationConfigurationException>(() => RotationSettingsReader.Read(options));

        Assert.DoesNotContain("S3cret-Pass", error.Message, StringComparison.Ordinal);
        Assert.True(error.Message.Contains("carries user info", StringComparison.Ordinal), reason);
    }

    [Fact]
    public void Read_SeveralBadValues_ReportsEveryProblemAtOnce()
    {
        var options = new RotationOptions { MaxConcurrentActions = 0, DebounceWindow = TimeSpan.FromSeconds(-1), AlertWebhook = "not a url" };
        options.Arm.Endpoint = "http://management.example.org";
        options.Consumers.Add(new ConsumerOptions { Name = "bad name!", ResourceId = "api", Action = "Explode" });
        var container = new ConsumerOptions
        {
            Name = "worker",
            ResourceId = "/subscriptions/0/resourceGroups/rg/providers/Microsoft.App/containerApps/worker",
            Action = "SoftRestart",
        };
        container.DependsOn.Add(new DependencyOptions { Secret = "db", Key = "A" });
        options.Consumers.Add(container);

        var error = Assert.Throws<RotationConfigurationException>(() => RotationSettingsReader.Read(options));

        Assert.Contains("10 problem(s)", error.Message, StringComparison.Ordinal);
        Assert.Contains("ResourceId 'api' is not", error.Message, StringComparison.Ordinal);
        Assert.Contains("('bad name!') has no DependsOn", error.Message, StringComparison.Ordinal);
        Assert.Contains("AlertWebhook is not an absolute", error.Message, StringComparison.Ordinal);
        Assert.Contains("DebounceWindow is -00:00:01", error.Message, StringComparison.Ordinal);
        Assert.Contains("MaxConcurrentActions is 0", error.Message, StringComparison.Ordinal);
        Assert.Contains("'bad name!'", error.Message, StringComparison.Ordinal);
        Assert.Contains("Action 'SoftRestart' does not apply to a container app", error.Message, StringComparison.Ordinal);
        Assert.Contains("both a Secret and a Key", error.Message, StringComparison.Ordinal);
        Assert.Contains("plain http", error.Message, StringComparison.Ordinal);
        Assert.Contains("Action 'Explode' is unknown", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_CredentialNoneForARealEndpoint_IsRefused()
    {
        var options = new RotationOptions();
        options.Arm.Credential = "None";

        var error = Assert.Throws<RotationConfigurationException>(() => RotationSettingsReader.Read(options));

        Assert.Contains("Credential is None", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_Defaults_AreProductionValues()
    {
        var sut = RotationSettingsReader.Read(new RotationOptions());

        Assert.Equal(new Uri("https://management.azure.com"), sut.Arm.Endpoint);
        Assert.Equal(ArmCredentialKind.ManagedIdentity, sut.Arm.Credential);
        Assert.Equal("https://management.azure.com/.default", sut.Arm.Scope);
        Assert.False(sut.DryRun);
    }

    [Fact]
    public void Read_AppServiceSettings_FindsTheRespondersOwnApp()
    {
        using var file = new TempJson("""
            { "WEBSITE_OWNER_NAME": "0000+rg-WestEuropewebspace-Linux", "WEBSITE_RESOURCE_GROUP": "rg",
              "WEBSITE_SITE_NAME": "odl-functions", "WEBSITE_SLOT_NAME": "Production", "Rotation": {} }
            """);
        var configuration = new ConfigurationBuilder().AddJsonFile(file.Path).Build();

        var sut = RotationConfiguration.Read(configuration);

        Assert.Equal("/subscriptions/0000/resourceGroups/rg/providers/Microsoft.Web/sites/odl-functions", sut.Self!.Value.ResourceId);
        Assert.Null(sut.Self.Value.Slot);
    }

    [Theory]
    [InlineData("plain http off loopback", "http://hooks.example.org/services/T0/B0/S3cretPath?token=S3cretQuery", "is plain http")]
    [InlineData("user info", "https://odl:S3cretPass@hooks.example.org/services/S3cretPath", "carries user info")]
    [InlineData("user info on loopback", "http://odl:S3cretPass@127.0.0.1:8998/S3cretPath", "carries user info")]
    public void Read_AlertWebhookBreakingTheEndpointRules_IsRefusedWithoutQuotingIt(string reason, string url, string expected)
    {
        var options = new RotationOptions { AlertWebhook = url };

        var error = Assert.Throws<RotationConfigurationException>(() => RotationSettingsReader.Read(options));

        Assert.True(error.Message.Contains($"Rotation:AlertWebhook {expected}", StringComparison.Ordinal), $"{reason}: {error.Message}");
        Assert.DoesNotContain("S3cret", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_AlertWebhookOverHttpOnLoopback_IsAccepted()
    {
        var options = new RotationOptions { AlertWebhook = "http://127.0.0.1:8998/alerts" };

        var sut = RotationSettingsReader.Read(options);

        Assert.Equal(new Uri("http://127.0.0.1:8998/alerts"), sut.AlertWebhook);
    }
}
