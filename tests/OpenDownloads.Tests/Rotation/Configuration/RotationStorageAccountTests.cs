using Microsoft.Extensions.Configuration;
using OpenDownloads.Rotation;
using OpenDownloads.Rotation.Configuration;

namespace OpenDownloads.Tests.Rotation.Configuration;

public sealed class RotationStorageAccountTests
{
    [Fact]
    public void Read_HostAccountNameOnly_UsesThePublicServiceUris()
    {
        var sut = RotationStorageAccount.Read(Settings(("AzureWebJobsStorage__accountName", "odlstore")));

        Assert.Null(sut.ConnectionString);
        Assert.Equal(new Uri("https://odlstore.table.core.windows.net"), sut.TableServiceUri);
        Assert.Equal(new Uri("https://odlstore.queue.core.windows.net"), sut.QueueServiceUri);
        Assert.Null(sut.ClientId);
    }

    [Fact]
    public void Read_ServiceUrisAndClientId_TakesThemAsSet()
    {
        var sut = RotationStorageAccount.Read(Settings(
            ("AzureWebJobsStorage__tableServiceUri", "https://odl.table.core.usgovcloudapi.net"),
            ("AzureWebJobsStorage__queueServiceUri", "https://odl.queue.core.usgovcloudapi.net"),
            ("AzureWebJobsStorage__clientId", "11111111-2222-3333-4444-555555555555")));

        Assert.Equal(new Uri("https://odl.table.core.usgovcloudapi.net"), sut.TableServiceUri);
        Assert.Equal(new Uri("https://odl.queue.core.usgovcloudapi.net"), sut.QueueServiceUri);
        Assert.Equal("11111111-2222-3333-4444-555555555555", sut.ClientId);
    }

    [Fact]
    public void Read_OwnSettingBeforeTheHosts_WinsWhetherConnectionStringOrSection()
    {
        var own = RotationStorageAccount.Read(Settings(
            ("Rotation__StorageConnection__accountName", "rotstore"),
            ("AzureWebJobsStorage", "UseDevelopmentStorage=true")));
        var host = RotationStorageAccount.Read(Settings(("AzureWebJobsStorage", "UseDevelopmentStorage=true")));

        Assert.Equal("rotstore.table.core.windows.net", own.TableServiceUri!.Host);
        Assert.Equal("UseDevelopmentStorage=true", host.ConnectionString);
    }

    [Fact]
    public void Read_OwnSettingNamesTheHostConnection_FollowsItAsTheTemplateSetsIt()
    {
        var byIdentity = RotationStorageAccount.Read(Settings(
            ("Rotation__StorageConnection", "AzureWebJobsStorage"),
            ("AzureWebJobsStorage__accountName", "odlstore")));
        var byConnectionString = RotationStorageAccount.Read(Settings(
            ("Rotation__StorageConnection", "RotationStore"),
            ("RotationStore", "UseDevelopmentStorage=true")));

        Assert.Equal("odlstore.queue.core.windows.net", byIdentity.QueueServiceUri!.Host);
        Assert.Equal("UseDevelopmentStorage=true", byConnectionString.ConnectionString);
    }

    [Fact]
    public void Read_OwnSettingNamesAnUnsetConnection_NamesItAndWhatWasExpected()
    {
        var error = Assert.Throws<RotationConfigurationException>(() => RotationStorageAccount.Read(Settings(
            ("Rotation__StorageConnection", "NoSuchConnection"),
            ("AzureWebJobsStorage", "UseDevelopmentStorage=true"))));

        Assert.Contains("Rotation:StorageConnection names the connection 'NoSuchConnection'", error.Message,
            StringComparison.Ordinal);
    }

    public static TheoryData<string, (string, string)[], string> UnusableSections => new()
    {
        { "a table URI but no queue URI or account", [("AzureWebJobsStorage__tableServiceUri", "https://odl.table.core.windows.net")], "neither accountName nor queueServiceUri" },
        { "an account name with capitals", [("AzureWebJobsStorage__accountName", "OdlStore")], "is not a storage account name" },
        {
            "a SAS URL as service URI",
            [("AzureWebJobsStorage__tableServiceUri", "https://odl.table.core.windows.net"), ("AzureWebJobsStorage__queueServiceUri", "https://odl.queue.core.windows.net/?sig=S3cret")],
            "queueServiceUri is not an https URL"
        },
    };

    [Theory]
    [MemberData(nameof(UnusableSections))]
    public void Read_UnusableSection_SaysWhatIsWrongWithoutQuotingUris(string reason, (string, string)[] settings, string expected)
    {
        var error = Assert.Throws<RotationConfigurationException>(() => RotationStorageAccount.Read(Settings(settings)));

        Assert.True(error.Message.Contains(expected, StringComparison.Ordinal), $"{reason}: {error.Message}");
        Assert.DoesNotContain("S3cret", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_NothingSet_NamesBothSettingsAndTheIdentityForm()
    {
        var error = Assert.Throws<RotationConfigurationException>(() => RotationStorageAccount.Read(Settings()));

        Assert.Contains("Rotation:StorageConnection nor AzureWebJobsStorage", error.Message, StringComparison.Ordinal);
        Assert.Contains("AzureWebJobsStorage__accountName", error.Message, StringComparison.Ordinal);
    }

    // Environment-variable names as App Service sets them; "__" becomes the configuration separator.
    private static IConfiguration Settings(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(pair => new KeyValuePair<string, string?>(pair.Key.Replace("__", ":", StringComparison.Ordinal), pair.Value)))
            .Build();
}
