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

    private static string Consumer(string field) =>
        Wrap($$"""{ "Name": "api", "ResourceId": "{{Site}}", {{field}}, {{Needs}} }""");

    private static string Wrap(params string[] consumers) =>
        $$"""{ "Rotation": { "Consumers": [ {{string.Join(", ", consumers)}} ] } }""";
}
