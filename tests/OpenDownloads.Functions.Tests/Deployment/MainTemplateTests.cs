using System.Text.Json.Nodes;

namespace OpenDownloads.Functions.Tests.Deployment;

/// <summary>infra/main.bicep compiled by the Bicep CLI: what it deploys; it holds and returns no secret.</summary>
public sealed class MainTemplateTests
{
    public static TheoryData<string> DeployedTypes => new()
    {
        "Microsoft.Web/serverfarms",
        "Microsoft.Web/sites",
        "Microsoft.Web/sites/config",
        "Microsoft.Storage/storageAccounts",
        "Microsoft.Storage/storageAccounts/queueServices/queues",
        "Microsoft.Storage/storageAccounts/tableServices/tables",
        "Microsoft.EventHub/namespaces",
        "Microsoft.EventHub/namespaces/eventhubs",
        "Microsoft.EventHub/namespaces/eventhubs/consumergroups",
        "Microsoft.KeyVault/vaults",
        "Microsoft.KeyVault/vaults/secrets",
        "Microsoft.AppConfiguration/configurationStores",
        "Microsoft.EventGrid/systemTopics",
        "Microsoft.EventGrid/systemTopics/eventSubscriptions",
        "Microsoft.OperationalInsights/workspaces",
        "Microsoft.Insights/components",
        "Microsoft.Insights/diagnosticSettings",
        "Microsoft.Authorization/roleAssignments",
    };

    [Theory]
    [MemberData(nameof(DeployedTypes))]
    public void Build_MainTemplate_DeploysResourceType(string type)
    {
        var sut = CompiledTemplate.OfType(type);

        Assert.NotEmpty(sut);
    }

    [Fact]
    public void Build_FunctionApps_AreFlexConsumptionDotnetIsolated10WithSystemAssignedIdentity()
    {
        var sites = CompiledTemplate.OfType("Microsoft.Web/sites").Where(s => s["identity"] is not null).ToList();
        var plans = CompiledTemplate.OfType("Microsoft.Web/serverfarms").ToList();

        Assert.Equal(2, sites.Count);
        Assert.Equal(2, plans.Count);
        Assert.All(plans, plan => Assert.Equal("FlexConsumption", (string?)plan["sku"]!["tier"]));
        Assert.All(sites, site =>
        {
            Assert.Equal("SystemAssigned", (string?)site["identity"]!["type"]);
            var runtime = site["properties"]!["functionAppConfig"]!["runtime"]!;
            Assert.Equal("dotnet-isolated", (string?)runtime["name"]);
            Assert.Equal("10.0", (string?)runtime["version"]);
            var deployment = site["properties"]!["functionAppConfig"]!["deployment"]!["storage"]!;
            Assert.Equal("SystemAssignedIdentity", (string?)deployment["authentication"]!["type"]);
        });
    }

    [Fact]
    public void Build_KeyVault_UsesRbacAuthorization()
    {
        var sut = Assert.Single(CompiledTemplate.OfType("Microsoft.KeyVault/vaults"));

        Assert.True((bool?)sut["properties"]!["enableRbacAuthorization"]);
    }

    [Fact]
    public void Build_StorageAndAppConfiguration_RefuseSharedKeys()
    {
        var storage = Assert.Single(CompiledTemplate.OfType("Microsoft.Storage/storageAccounts"));
        var store = Assert.Single(CompiledTemplate.OfType("Microsoft.AppConfiguration/configurationStores"));
        var insights = Assert.Single(CompiledTemplate.OfType("Microsoft.Insights/components"));

        Assert.False((bool?)storage["properties"]!["allowSharedKeyAccess"]);
        Assert.True((bool?)store["properties"]!["disableLocalAuth"]);
        Assert.True((bool?)insights["properties"]!["DisableLocalAuth"]);
    }

    [Fact]
    public void Build_EventSubscriptions_DeliverToTheRotationQueueAndDeadLetterToABlobContainer()
    {
        var sut = CompiledTemplate.OfType("Microsoft.EventGrid/systemTopics/eventSubscriptions").ToList();

        Assert.Equal(2, sut.Count);
        Assert.All(sut, subscription =>
        {
            var properties = subscription["properties"]!;
            var destination = properties["deliveryWithResourceIdentity"]!["destination"]!;
            var deadLetter = properties["deadLetterWithResourceIdentity"]!["deadLetterDestination"]!;
            Assert.Equal("StorageQueue", (string?)destination["endpointType"]);
            Assert.Equal("[parameters('queueName')]", (string?)destination["properties"]!["queueName"]);
            Assert.Equal("StorageBlob", (string?)deadLetter["endpointType"]);
            Assert.NotNull(deadLetter["properties"]!["blobContainerName"]);
        });
    }

    [Fact]
    public void Build_EventSubscriptions_AreCreatedForTheVaultAndTheOptionalStore()
    {
        var sut = CompiledTemplate.Root["resources"]!.AsArray()
            .Select(r => r!.AsObject())
            .Where(r => ((string?)r["name"])?.StartsWith("eventgrid-", StringComparison.Ordinal) == true)
            .Select(r => (string)r["name"]!)
            .Order(StringComparer.Ordinal);

        Assert.Equal(
            [
                "eventgrid-appconfiguration-subscription",
                "eventgrid-appconfiguration-topic",
                "eventgrid-keyvault-subscription",
                "eventgrid-keyvault-topic",
            ],
            sut);
        Assert.Contains("Microsoft.KeyVault.SecretNewVersionCreated", CompiledTemplate.Text, StringComparison.Ordinal);
        Assert.Contains("Microsoft.AppConfiguration.KeyValueModified", CompiledTemplate.Text, StringComparison.Ordinal);
    }

    public static TheoryData<string, string, string> RoleGrants => new()
    {
        // module, role definition id, what it is for
        { "roles-storage", "b7e6dc6d-f1e8-4753-8033-0f276bb0955b", "Storage Blob Data Owner: the host's storage" },
        { "roles-storage", "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3", "Storage Table Data Contributor: state" },
        { "roles-storage", "974c5e8b-45b9-4653-ba55-5f855dd0fb88", "Storage Queue Data Contributor: responder" },
        { "roles-storage", "c6a89b2d-59bc-44d0-9896-0f6e12d7b80a", "Queue Data Message Sender: Event Grid" },
        { "roles-eventhubs", "a638d3c7-ab3a-418d-83e6-5f17a39d4fde", "Azure Event Hubs Data Receiver: the counter" },
        { "roles-keyvault", "4633458b-17de-408a-b874-0445c86b69e6", "Key Vault Secrets User: references" },
        { "roles-monitoring", "3913510d-42f4-4e42-8a64-420c390055eb", "Monitoring Metrics Publisher: telemetry" },
        { "roles-website-counter", "de139f84-1756-47ae-9be6-808fbbe84772", "Website Contributor: the responder" },
    };

    [Theory]
    [MemberData(nameof(RoleGrants))]
    public void Build_RoleAssignments_GrantTheRoleInItsModule(string module, string roleId, string reason)
    {
        var sut = CompiledTemplate.Module(module).ToJsonString();

        Assert.True(sut.Contains(roleId, StringComparison.Ordinal), $"{module} does not grant {reason}.");
        Assert.Contains("Microsoft.Authorization/roleAssignments", sut, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_RoleAssignments_ScopeEachRoleToOneResourceNeverTheGroup()
    {
        var sut = CompiledTemplate.OfType("Microsoft.Authorization/roleAssignments").ToList();

        Assert.NotEmpty(sut);
        Assert.All(sut, assignment => Assert.NotNull((string?)assignment["scope"]));
    }

    [Fact]
    public void Build_Outputs_AreNeitherSecureNorSecrets()
    {
        var outputs = CompiledTemplate.Resources
            .Where(r => r["properties"] is JsonObject properties && properties["template"] is JsonObject)
            .SelectMany(r => r["properties"]!["template"]!["outputs"]?.AsObject() ?? [])
            .Concat(CompiledTemplate.Root["outputs"]!.AsObject())
            .ToList();

        Assert.NotEmpty(outputs);
        Assert.All(outputs, output =>
        {
            var type = (string?)output.Value!["type"];
            var text = output.Value.ToJsonString();
            Assert.False(type is "securestring" or "secureString" or "secureObject", $"{output.Key} is secure.");
            Assert.DoesNotMatch(@"\blist[A-Za-z]*\(", text);
            Assert.DoesNotMatch("(?i)secret|password|accountkey|accesskey", output.Key);
        });
    }

    [Theory]
    [InlineData("listKeys(")]
    [InlineData("listConnectionStrings(")]
    [InlineData("AccountKey=")]
    [InlineData("SharedAccessKey=")]
    [InlineData("DefaultEndpointsProtocol")]
    public void Build_WholeTemplate_NeverReadsOrWritesAKey(string keyMaterial)
    {
        var sut = CompiledTemplate.Text;

        Assert.DoesNotContain(keyMaterial, sut, StringComparison.OrdinalIgnoreCase);
    }
}
