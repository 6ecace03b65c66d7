using Azure.Core;
using Azure.Identity;
using Microsoft.Extensions.Configuration;
using OpenDownloads.Functions.Storage;

namespace OpenDownloads.Functions.Tests.Storage;

/// <summary>Which account and credential the settings give. Creating a client contacts nothing.</summary>
public sealed class StorageConnectionTests
{
    private const string Setting = "CountDownloads:Storage";

    private const string Azurite = "http://127.0.0.1:1000";

    public static TheoryData<Dictionary<string, string?>, string, string, bool> Settings => new()
    {
        // The setting holds a connection string (Azurite's shorthand).
        {
            new() { [Setting] = "UseDevelopmentStorage=true" },
            $"{Azurite}0/devstoreaccount1", $"{Azurite}2/devstoreaccount1", false
        },
        // The setting names another connection, which holds the connection string.
        {
            new() { [Setting] = "Shared", ["Shared"] = "UseDevelopmentStorage=true" },
            $"{Azurite}0/devstoreaccount1", $"{Azurite}2/devstoreaccount1", false
        },
        // The setting names AzureWebJobsStorage, identity-based with only the account name (as infra/ deploys it).
        {
            new() { [Setting] = "AzureWebJobsStorage", ["AzureWebJobsStorage:accountName"] = "odlabc" },
            "https://odlabc.blob.core.windows.net/", "https://odlabc.table.core.windows.net/", true
        },
        // Identity-based settings under the setting itself, with full service URIs (another cloud, say).
        {
            new()
            {
                [$"{Setting}:blobServiceUri"] = "https://odl.blob.core.chinacloudapi.cn",
                [$"{Setting}:tableServiceUri"] = "https://odl.table.core.chinacloudapi.cn",
            },
            "https://odl.blob.core.chinacloudapi.cn/", "https://odl.table.core.chinacloudapi.cn/", true
        },
        // Nothing of its own: the Functions host's connection.
        {
            new() { ["AzureWebJobsStorage:accountName"] = "odlxyz" },
            "https://odlxyz.blob.core.windows.net/", "https://odlxyz.table.core.windows.net/", true
        },
    };

    [Theory]
    [MemberData(nameof(Settings))]
    public void Read_Settings_PointAtTheConfiguredAccount(
        Dictionary<string, string?> settings,
        string expectedBlobUri,
        string expectedTableUri,
        bool expectedCredential)
    {
        var usedCredential = false;
        TokenCredential Credential(string? clientId)
        {
            usedCredential = true;
            return new DefaultAzureCredential();
        }

        var sut = StorageConnection.Read(Configuration(settings), Setting);

        Assert.Equal(expectedBlobUri, sut.CreateBlobServiceClient(Credential).Uri.AbsoluteUri);
        Assert.Equal(expectedTableUri, sut.CreateTableServiceClient(Credential).Uri.AbsoluteUri);
        Assert.Equal(expectedCredential, usedCredential);
        Assert.Equal(!expectedCredential, sut.ConnectionString is not null);
    }

    [Fact]
    public void CreateQueueServiceClient_AccountName_UsesTheQueueEndpoint()
    {
        var sut = StorageConnection.Read(
            Configuration(new() { ["AzureWebJobsStorage:accountName"] = "odlxyz" }), "Rotation:StorageConnection");

        var queues = sut.CreateQueueServiceClient(_ => new DefaultAzureCredential());

        Assert.Equal("https://odlxyz.queue.core.windows.net/", queues.Uri.AbsoluteUri);
    }

    [Fact]
    public void Read_UserAssignedIdentity_PassesItsClientId()
    {
        string? passed = null;
        var sut = StorageConnection.Read(Configuration(new()
        {
            ["Storage:accountName"] = "odlxyz",
            ["Storage:clientId"] = "00000000-0000-0000-0000-000000000001",
        }), "Storage");

        sut.CreateBlobServiceClient(clientId =>
        {
            passed = clientId;
            return new DefaultAzureCredential();
        });

        Assert.Equal("00000000-0000-0000-0000-000000000001", passed);
    }

    [Fact]
    public void CreateTableServiceClient_OnlyABlobUri_ThrowsNamingTheMissingSetting()
    {
        var sut = StorageConnection.Read(
            Configuration(new() { ["Storage:blobServiceUri"] = "https://odl.blob.core.windows.net" }), "Storage");

        var error = Assert.Throws<InvalidOperationException>(
            () => sut.CreateTableServiceClient(_ => new DefaultAzureCredential()));

        Assert.Contains("Storage__tableServiceUri", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_NothingConfigured_ThrowsNamingTheSettingsToSet()
    {
        var error = Assert.Throws<InvalidOperationException>(
            () => StorageConnection.Read(Configuration(new()), Setting));

        Assert.Contains("AzureWebJobsStorage__accountName", error.Message, StringComparison.Ordinal);
        Assert.Contains(Setting, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_NamedConnectionMissing_ThrowsNamingItNotItsValue()
    {
        var error = Assert.Throws<InvalidOperationException>(
            () => StorageConnection.Read(Configuration(new() { [Setting] = "Elsewhere" }), Setting));

        Assert.StartsWith(
            "The storage connection 'Elsewhere' (from CountDownloads:Storage)", error.Message, StringComparison.Ordinal);
    }

    private static IConfiguration Configuration(Dictionary<string, string?> settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
}
