using OpenDownloads.Rotation;
using OpenDownloads.Rotation.Configuration;
using OpenDownloads.Tests.Rotation.Support;

namespace OpenDownloads.Tests.Rotation.Configuration;

/// <summary>Values the binder would skip, default or misread are reported by <see cref="RotationConfiguration"/>.</summary>
public sealed class RotationSectionShapeTests
{
    private const string Site = "/subscriptions/0000/resourceGroups/rg/providers/Microsoft.Web/sites/api";
    private const string Needs = """ "DependsOn": [ { "Vault": "kv-prod", "Secret": "db" } ] """;

    public static TheoryData<string, string, string> Misshapen => new()
    {
        { "a boolean that is not one", Consumer("\"Enabled\": \"yes\""), "Rotation:Consumers:0:Enabled is a value that does not convert" },
        { "null is not false", Consumer("\"Enabled\": null"), "Rotation:Consumers:0:Enabled is empty (null)" },
        { "an object for a slot", Consumer("\"Slot\": { \"Name\": \"staging\" }"), "Rotation:Consumers:0:Slot is an object" },
        { "an array for the action", Consumer("\"Action\": [\"Restart\"]"), "Rotation:Consumers:0:Action is an array" },
        { "an array for a label", Wrap($$"""{ "Name": "api", "ResourceId": "{{Site}}", "DependsOn": [ { "Store": "s", "Key": "k", "Label": ["a"] } ] }"""), "Rotation:Consumers:0:DependsOn:0:Label is an array" },
        { "a consumer that is a string", Wrap("\"api\""), "Rotation:Consumers:0 is a single value" },
        { "an endpoint string for Arm", """{ "Rotation": { "Arm": "http://127.0.0.1:1/" } }""", "Rotation:Arm is a single value" },
        { "an object for a duration", """{ "Rotation": { "DebounceWindow": { "Seconds": 5 } } }""", "Rotation:DebounceWindow is an object" },
        { "an object for the list", """{ "Rotation": { "Consumers": { "api": {} } } }""", "Rotation:Consumers is an object" },
        { "no Rotation wrapper", $$"""{ "Consumers": [ { "Name": "api", "ResourceId": "{{Site}}", {{Needs}} } ] }""", "has no \"Rotation\" section" },
    };

    [Theory]
    [MemberData(nameof(Misshapen))]
    public void ReadFile_MisshapenValue_ReportsItByPath(string reason, string json, string expected)
    {
        using var file = new TempJson(json);

        var error = Assert.Throws<RotationConfigurationException>(() => RotationConfiguration.ReadFile(file.Path));

        Assert.True(error.Message.Contains(expected, StringComparison.Ordinal), $"{reason}: {error.Message}");
    }

    [Fact]
    public void ReadFile_IdentityBasedStorageSection_IsNotAMisshapenValue()
    {
        using var file = new TempJson($$"""
            { "Rotation": { "StorageConnection": { "accountName": "odlstore", "clientId": "c" },
              "Consumers": [ { "Name": "api", "ResourceId": "{{Site}}", {{Needs}} } ] } }
            """);

        var sut = RotationConfiguration.ReadFile(file.Path);

        Assert.Single(sut.Consumers.All);
    }

    [Fact]
    public void ReadFile_FirstConsumerUnreadable_KeepsTheIndexesOfTheOthers()
    {
        using var file = new TempJson(Wrap(
            $$"""{ "Name": "a", "ResourceId": "{{Site}}", "Enabled": "yes", {{Needs}} }""",
            $$"""{ "Name": "b", "ResourceId": "nope", {{Needs}} }"""));

        var error = Assert.Throws<RotationConfigurationException>(() => RotationConfiguration.ReadFile(file.Path));

        Assert.Contains("Rotation:Consumers:0:Enabled", error.Message, StringComparison.Ordinal);
        Assert.True(error.Message.Contains("Rotation:Consumers:1:ResourceId 'nope'", StringComparison.Ordinal), error.Message);
    }

    [Fact]
    public void ReadFile_UnconvertibleValue_DoesNotQuoteIt()
    {
        using var file = new TempJson("""{ "Rotation": { "MaxAttempts": "s3cr3t", "Arm": { "MaxRetries": "hunter2" } } }""");

        var error = Assert.Throws<RotationConfigurationException>(() => RotationConfiguration.ReadFile(file.Path));

        Assert.Contains("Rotation:Arm:MaxRetries is a value that does not convert", error.Message, StringComparison.Ordinal);
        Assert.Contains("Rotation:MaxAttempts is a value that does not convert", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cr3t", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a SAS URL for the table service", """{ "tableServiceUri": "https://odl.table.core.windows.net/?sv=1&sig=S3cret", "queueServiceUri": "https://odl.queue.core.windows.net" }""", "Rotation:StorageConnection:tableServiceUri is not an https URL")]
    [InlineData("an account name that is not one", """{ "accountName": "Not_An_Account" }""", "Rotation:StorageConnection:accountName 'Not_An_Account' is not a storage account name")]
    public void ReadFile_StorageConnectionTheAppWouldRefuse_IsRefusedWithoutConnecting(string reason, string storage, string expected)
    {
        using var file = new TempJson($$"""
            { "Rotation": { "StorageConnection": {{storage}},
              "Consumers": [ { "Name": "api", "ResourceId": "{{Site}}", {{Needs}} } ] } }
            """);

        var error = Assert.Throws<RotationConfigurationException>(() => RotationConfiguration.ReadFile(file.Path));

        Assert.True(error.Message.Contains(expected, StringComparison.Ordinal), $"{reason}: {error.Message}");
        Assert.DoesNotContain("S3cret", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadFile_StorageConnectionNamingAConnectionTheFileDoesNotSet_IsLeftToTheApp()
    {
        using var file = new TempJson($$"""
            { "Rotation": { "StorageConnection": "AzureWebJobsStorage",
              "Consumers": [ { "Name": "api", "ResourceId": "{{Site}}", {{Needs}} } ] } }
            """);

        var sut = RotationConfiguration.ReadFile(file.Path);

        Assert.Single(sut.Consumers.All);
    }

    public static TheoryData<string, string, string> OnlyProblem => new()
    {
        { "Enabled that does not convert is not also a missing DependsOn", Consumer("\"Enabled\": \"yes\""), "Rotation:Consumers:0:Enabled is a value that does not convert" },
        { "a bare-string consumer has no fields to check", Wrap("\"api\""), "Rotation:Consumers:0 is a single value; expected an object." },
        { "a single value for DependsOn is not also an empty list", Wrap($$"""{ "Name": "api", "ResourceId": "{{Site}}", "DependsOn": "db" }"""), "Rotation:Consumers:0:DependsOn is a single value" },
        { "a bare-string dependency is not also one naming nothing", Wrap($$"""{ "Name": "api", "ResourceId": "{{Site}}", "DependsOn": [ "db" ] }"""), "Rotation:Consumers:0:DependsOn:0 is a single value" },
        { "a bare number of minutes is not read as days", """{ "Rotation": { "DebounceWindow": "60" } }""", "Rotation:DebounceWindow is a bare number, which would be read as days; expected hh:mm:ss such as 00:01:00" },
        { "a bare number for an ARM timing", """{ "Rotation": { "Arm": { "NetworkTimeout": "100" } } }""", "Rotation:Arm:NetworkTimeout is a bare number" },
        { "a debounce window past the limit", """{ "Rotation": { "DebounceWindow": "8.00:00:00" } }""", "Rotation:DebounceWindow is 8.00:00:00; expected 00:00:00 to 01:00:00" },
        { "a backoff past the hour it stops doubling at", """{ "Rotation": { "RetryBackoff": "02:00:00" } }""", "Rotation:RetryBackoff is 02:00:00; expected 00:00:00 to 01:00:00" },
        { "a stagger past the limit", """{ "Rotation": { "Stagger": "1.00:00:00" } }""", "Rotation:Stagger is 1.00:00:00; expected" },
        { "a lease past the limit", """{ "Rotation": { "ActionLease": "2.00:00:00" } }""", "Rotation:ActionLease is 2.00:00:00; expected 00:00:01 to 1.00:00:00" },
        { "an endpoint with user info is not also off loopback", """{ "Rotation": { "Arm": { "Endpoint": "http://u:p@127.0.0.1:8999", "Credential": "None" } } }""", "Rotation:Arm:Endpoint 'http://***@127.0.0.1:8999' carries user info" },
    };

    [Theory]
    [MemberData(nameof(OnlyProblem))]
    public void ReadFile_OneBadValue_ReportsItAloneWithoutFollowOnProblems(string reason, string json, string expected)
    {
        using var file = new TempJson(json);

        var error = Assert.Throws<RotationConfigurationException>(() => RotationConfiguration.ReadFile(file.Path));

        var problems = error.Message.Split('\n').Where(line => line.StartsWith("- ", StringComparison.Ordinal)).ToList();
        Assert.True(problems.Count == 1 && problems[0].Contains(expected, StringComparison.Ordinal), $"{reason}: {error.Message}");
    }

    private static string Consumer(string field) =>
        Wrap($$"""{ "Name": "api", "ResourceId": "{{Site}}", {{field}}, {{Needs}} }""");

    private static string Wrap(params string[] consumers) =>
        $$"""{ "Rotation": { "Consumers": [ {{string.Join(", ", consumers)}} ] } }""";
}
