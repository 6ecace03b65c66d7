using OpenDownloads.Streaming;

namespace OpenDownloads.Tests.Streaming;

public sealed class StreamingOptionsTests
{
    [Fact]
    public void Validate_Defaults_FindOnlyTheMissingSalt()
    {
        var sut = new StreamingOptions();

        var problem = Assert.Single(sut.Validate());

        Assert.Equal("CountDownloads:Salt has 0 characters; at least 16 are required.", problem);
    }

    [Fact]
    public void Validate_UnresolvedKeyVaultReference_IsRefusedThoughLongEnough()
    {
        var sut = new StreamingOptions
        {
            Salt = "@Microsoft.KeyVault(SecretUri=https://odl-kv.vault.azure.net/secrets/odl-ip-hash-salt/)",
        };

        var problem = Assert.Single(sut.Validate());

        Assert.StartsWith("CountDownloads:Salt is a Key Vault reference App Service could not resolve", problem,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ManyBadSettings_ReportsEveryOneNamingItAndNeverTheSalt()
    {
        var sut = new StreamingOptions
        {
            Salt = "secret",
            OffsetSeconds = 90_000,
            Lateness = TimeSpan.FromDays(8),
            CloseGrace = TimeSpan.FromMinutes(-1),
            TableName = "1table",
            OutputContainer = "Downloads",
            TotalsPrefix = "totals",
            DeadLetterPrefix = "/dead/",
            GroupCacheCapacity = 10,
            FieldMappings = "startedAt:nothing",
            Reference = new ReferenceBlobOptions
            {
                DatacentersContainer = "a",
                AgentsContainer = "x--y",
                AgentsBlob = "",
                RefreshInterval = TimeSpan.Zero,
            },
        };

        var problems = sut.Validate();

        string[] named =
        [
            "Salt", "OffsetSeconds", "Lateness", "CloseGrace", "TableName", "OutputContainer", "TotalsPrefix",
            "DeadLetterPrefix", "GroupCacheCapacity", "FieldMappings", "Reference:DatacentersContainer",
            "Reference:AgentsContainer", "Reference:AgentsBlob", "Reference:RefreshInterval",
        ];
        Assert.Equal(named.Length, problems.Count);
        Assert.All(named, name => Assert.Contains(problems, p => p.StartsWith($"CountDownloads:{name} ", StringComparison.Ordinal)));
        Assert.DoesNotContain(problems, p => p.Contains("secret", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_ShortSaltWhereAnyIsAccepted_IsFine()
    {
        var sut = new StreamingOptions { Salt = "s" };

        Assert.Empty(sut.Validate(minimumSaltLength: 1));
    }
}
