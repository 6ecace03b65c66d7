namespace OpenDownloads.Functions.Tests.Deployment;

/// <summary>
/// ARM may evaluate the scope of a module whose condition is false, so the optional diagnostic settings must not
/// split and index an empty resource id to find their subscription and resource group.
/// </summary>
public sealed class OptionalModuleScopeTests
{
    public static TheoryData<string, string> OptionalModules => new()
    {
        // deployment name, the parameter holding the source's resource id
        { "diagnostics-front-door", "frontDoorProfileId" },
        { "diagnostics-podcast-storage", "podcastStorageAccountId" },
    };

    [Theory]
    [MemberData(nameof(OptionalModules))]
    public void Build_OptionalModuleScope_FallsBackToTheDeploymentsOwnWhenTheIdIsEmpty(string module, string id)
    {
        var sut = CompiledTemplate.Root["resources"]!.AsArray()
            .Select(r => r!.AsObject())
            .Single(r => (string?)r["name"] == module);

        Assert.Equal($"[not(empty(parameters('{id}')))]", (string?)sut["condition"]);
        Assert.Equal(
            $"[if(empty(parameters('{id}')), subscription().subscriptionId, split(parameters('{id}'), '/')[2])]",
            (string?)sut["subscriptionId"]);
        Assert.Equal(
            $"[if(empty(parameters('{id}')), resourceGroup().name, split(parameters('{id}'), '/')[4])]",
            (string?)sut["resourceGroup"]);
    }

    [Fact]
    public void Snapshot_FrontDoorInAnotherSubscription_GetsItsDiagnosticSettingThere()
    {
        const string profile = "/subscriptions/11111111-1111-1111-1111-111111111111/resourceGroups/cdn-rg"
            + "/providers/Microsoft.Cdn/profiles/my-cdn";

        var sut = DeploymentSnapshot.Of($"param frontDoorProfileId = '{profile}'");

        var setting = Assert.Single(sut.OfType("Microsoft.Insights/diagnosticSettings"));
        Assert.Equal($"{profile}/providers/Microsoft.Insights/diagnosticSettings/to-odl-request-logs",
            (string?)setting["id"]);
    }
}
