namespace OpenDownloads.Functions.Tests.Deployment;

/// <summary>
/// The responder's code reads no blob, so its blob role covers only what its Functions host uses: the host's lease
/// and key containers and its own package container, which the template creates so the role has a scope.
/// </summary>
public sealed class ResponderStorageRolesSnapshotTests
{
    private const string BlobDataOwner = "b7e6dc6d-f1e8-4753-8033-0f276bb0955b";

    [Fact]
    public void Snapshot_ResponderBlobRole_IsOnItsThreeContainersAndNeverOnTheAccount()
    {
        var sut = DeploymentSnapshot.Defaults;

        var scopes = sut.OfType("Microsoft.Authorization/roleAssignments")
            .Where(r => ((string)r["properties"]!["roleDefinitionId"]!)
                .EndsWith(BlobDataOwner, StringComparison.Ordinal))
            .Where(r => ((string)r["properties"]!["principalId"]!).Contains("-rotation'", StringComparison.Ordinal))
            .Select(r => ContainerOf((string)r["id"]!))
            .Order(StringComparer.Ordinal);
        Assert.Equal(["app-package-rotation", "azure-webjobs-hosts", "azure-webjobs-secrets"], scopes);
    }

    [Theory]
    [InlineData("azure-webjobs-hosts")]
    [InlineData("azure-webjobs-secrets")]
    [InlineData("app-package-rotation")]
    public void Snapshot_ResponderContainer_IsCreatedByTheTemplate(string container)
    {
        var sut = DeploymentSnapshot.Defaults.OfType("Microsoft.Storage/storageAccounts/blobServices/containers");

        Assert.Contains(sut, c => ((string)c["name"]!).EndsWith($"/default/{container}", StringComparison.Ordinal));
    }

    /// <summary>The container an assignment's id is scoped to, or "the account" when it is not a container.</summary>
    private static string ContainerOf(string assignmentId)
    {
        const string marker = "/blobServices/default/containers/";
        var start = assignmentId.IndexOf(marker, StringComparison.Ordinal);
        return start < 0
            ? "the account"
            : assignmentId[(start + marker.Length)..assignmentId.IndexOf('\'', start)];
    }
}
