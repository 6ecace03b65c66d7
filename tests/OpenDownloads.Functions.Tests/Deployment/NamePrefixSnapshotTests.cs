namespace OpenDownloads.Functions.Tests.Deployment;

/// <summary>Storage and Key Vault names must be lower-case, so the template lower-cases the prefix given.</summary>
public sealed class NamePrefixSnapshotTests
{
    [Fact]
    public void Snapshot_NamePrefixWithCapitals_IsLowerCasedInEveryName()
    {
        var sut = DeploymentSnapshot.Of("param namePrefix = 'MyPod'");

        var storage = Assert.Single(sut.OfType("Microsoft.Storage/storageAccounts"));
        var vault = Assert.Single(sut.OfType("Microsoft.KeyVault/vaults"));
        Assert.StartsWith("mypod", (string?)storage["name"], StringComparison.Ordinal);
        Assert.StartsWith("mypod-kv-", (string?)vault["name"], StringComparison.Ordinal);
        Assert.DoesNotContain(
            sut.Resources,
            r => ((string?)r["name"])?.Contains("MyPod", StringComparison.Ordinal) == true);
    }
}
