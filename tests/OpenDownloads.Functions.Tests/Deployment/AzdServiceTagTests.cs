using System.Text.RegularExpressions;

namespace OpenDownloads.Functions.Tests.Deployment;

/// <summary>
/// azd deploys each service of azure.yaml to the one resource tagged azd-service-name with its name, and fails when
/// no resource or more than one carries the tag.
/// </summary>
public sealed partial class AzdServiceTagTests
{
    public static TheoryData<string> Services => [.. AzureYamlServices()];

    [Fact]
    public void AzureYaml_Services_AreTheCounterAndTheResponder()
    {
        var sut = AzureYamlServices();

        Assert.Equal(["counter", "rotation"], sut);
    }

    [Theory]
    [MemberData(nameof(Services))]
    public void Snapshot_ServiceTag_IsOnExactlyOneResourceAndItIsTheFunctionApp(string service)
    {
        var sut = DeploymentSnapshot.Defaults;

        var tagged = sut.Resources
            .Where(r => (string?)r["tags"]?["azd-service-name"] == service)
            .Select(r => $"{r["type"]} {r["name"]}")
            .ToList();
        var only = Assert.Single(tagged);
        Assert.StartsWith("Microsoft.Web/sites ", only, StringComparison.Ordinal);
        Assert.EndsWith($"-{service}", only, StringComparison.Ordinal);
    }

    private static List<string> AzureYamlServices()
    {
        var yaml = File.ReadAllText(Path.Combine(FunctionsBuildOutput.RepositoryRoot, "azure.yaml"));
        var services = ServicesBlock().Match(yaml);
        Assert.True(services.Success, "azure.yaml has no services: block.");
        return ServiceName().Matches(services.Groups[1].Value).Select(m => m.Groups[1].Value).ToList();
    }

    [GeneratedRegex(@"^services:\r?\n((?:[ #].*\r?\n|\r?\n)*)", RegexOptions.Multiline)]
    private static partial Regex ServicesBlock();

    [GeneratedRegex(@"^  ([A-Za-z][\w-]*):\s*$", RegexOptions.Multiline)]
    private static partial Regex ServiceName();
}
