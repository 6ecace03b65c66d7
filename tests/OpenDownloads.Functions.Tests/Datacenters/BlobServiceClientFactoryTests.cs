using Azure.Core;
using Azure.Identity;
using Microsoft.Extensions.Configuration;
using OpenDownloads.Functions.Datacenters;

namespace OpenDownloads.Functions.Tests.Datacenters;

/// <summary>Which client the settings give; creating a client contacts nothing, so no storage is needed here.</summary>
public sealed class BlobServiceClientFactoryTests
{
    public static TheoryData<Dictionary<string, string?>, string, bool> Settings => new()
    {
        // A connection string, as in local.settings.sample.json.
        { new() { ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true" }, "http://127.0.0.1:10000/devstoreaccount1", false },
        // Identity-based with the full service URI.
        { new() { ["AzureWebJobsStorage:blobServiceUri"] = "https://odlabc.blob.core.windows.net" }, "https://odlabc.blob.core.windows.net/", true },
        // Identity-based with only the account name.
        { new() { ["AzureWebJobsStorage:accountName"] = "odlxyz" }, "https://odlxyz.blob.core.windows.net/", true },
    };

    [Theory]
    [MemberData(nameof(Settings))]
    public void Create_Settings_PointsAtTheConfiguredAccount(
        Dictionary<string, string?> settings,
        string expectedUri,
        bool expectedCredential)
    {
        var usedCredential = false;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();

        var sut = BlobServiceClientFactory.Create(configuration, "AzureWebJobsStorage", clientId =>
        {
            usedCredential = true;
            return new DefaultAzureCredential();
        });

        Assert.Equal(expectedUri, sut.Uri.AbsoluteUri);
        Assert.Equal(expectedCredential, usedCredential);
    }

    [Fact]
    public void Create_UserAssignedIdentity_PassesItsClientId()
    {
        string? passed = null;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:accountName"] = "odlxyz",
            ["Storage:clientId"] = "00000000-0000-0000-0000-000000000001",
        }).Build();

        BlobServiceClientFactory.Create(configuration, "Storage", clientId =>
        {
            passed = clientId;
            return (TokenCredential)new DefaultAzureCredential();
        });

        Assert.Equal("00000000-0000-0000-0000-000000000001", passed);
    }

    [Fact]
    public void Create_NothingConfigured_ThrowsNamingTheSettingsToSet()
    {
        var configuration = new ConfigurationBuilder().Build();

        var error = Assert.Throws<InvalidOperationException>(
            () => BlobServiceClientFactory.Create(configuration, "AzureWebJobsStorage", _ => new DefaultAzureCredential()));

        Assert.Contains("AzureWebJobsStorage__accountName", error.Message, StringComparison.Ordinal);
    }
}
