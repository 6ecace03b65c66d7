using OpenDownloads.Rotation.Events;
using OpenDownloads.Tests.Rotation.Support;

namespace OpenDownloads.Tests.Rotation.Events;

public sealed class RotationEventParserTests
{
    private const string Version = "0123456789abcdef0123456789abcdef";

    public static TheoryData<string, string> KeyVaultShapes => new()
    {
        { "Event Grid schema, one object, PascalCase data (live payloads)", SampleEvents.KeyVaultNewVersion("db-password", Version) },
        { "Event Grid schema in an array (webhook delivery)", $"[{SampleEvents.KeyVaultNewVersion("db-password", Version)}]" },
        { "Base64 of the JSON (Storage Queue delivery)", SampleEvents.Base64(SampleEvents.KeyVaultNewVersion("db-password", Version)) },
        { "camelCase keys, a key with a trailing space, a version with a leading space", SampleEvents.KeyVaultNewVersionCamelCase("db-password", Version) },
        { "CloudEvents schema", SampleEvents.KeyVaultCloudEvent("db-password", Version) },
        { "Upper-case secret name in the data (Key Vault names ignore case)", SampleEvents.KeyVaultNewVersion("DB-Password", Version) },
        { "Leading whitespace and a byte order mark", "\uFEFF  \n" + SampleEvents.KeyVaultNewVersion("db-password", Version) },
    };

    public static TheoryData<string, string> UnreadableBodies => new()
    {
        { "plain text", "hello" },
        { "Base64 of plain text", SampleEvents.Base64("hello") },
        { "truncated JSON", "{\"id\":" },
        { "a JSON number", "42" },
        { "empty", "" },
    };

    [Theory]
    [MemberData(nameof(KeyVaultShapes))]
    public void Parse_KeyVaultNewVersionInAnyShape_ReadsTheSameChange(string reason, string body)
    {
        var sut = RotationEventParser.Parse(BinaryData.FromString(body));

        var item = Assert.Single(sut);
        Assert.True(item.Kind == RotationEventKind.SecretNewVersionCreated, reason);
        Assert.Equal(new SecretChange(SecretStore.Vault("kv-prod"), "db-password", string.Empty, Version), item.Change);
        Assert.Null(item.Problem);
    }

    [Theory]
    [MemberData(nameof(UnreadableBodies))]
    public void Parse_BodyIsNotAnEventOrArray_ThrowsFormatException(string reason, string body)
    {
        var error = Assert.Throws<FormatException>(() => RotationEventParser.Parse(BinaryData.FromString(body)));

        Assert.False(string.IsNullOrEmpty(error.Message), reason);
    }

    [Fact]
    public void Parse_AppConfigurationKeyValueModified_ReadsStoreKeyLabelAndEtag()
    {
        var sut = RotationEventParser.Parse(BinaryData.FromString(SampleEvents.AppConfigurationModified("Feeds:Token", "prod", "etag-1")));

        var change = Assert.Single(sut).Change;
        Assert.Equal(new SecretChange(SecretStore.AppConfiguration("appcs-prod"), "Feeds:Token", "prod", "etag-1"), change);
        Assert.Equal("appcs/appcs-prod/Feeds:Token?label=prod/etag-1", change!.Key);
    }

    [Fact]
    public void Parse_AppConfigurationEventWithoutTopic_TakesTheStoreFromTheSubject()
    {
        var body = """{"id":"1","subject":"https://appcs-prod.azconfig.io/kv/A?label=","eventType":"Microsoft.AppConfiguration.KeyValueDeleted","data":{"key":"A","etag":"e"}}""";

        var sut = Assert.Single(RotationEventParser.Parse(BinaryData.FromString(body)));

        Assert.Equal(RotationEventKind.KeyValueDeleted, sut.Kind);
        Assert.Equal(SecretStore.AppConfiguration("appcs-prod"), sut.Change!.Store);
        Assert.Equal(string.Empty, sut.Change.Label);
    }

    [Fact]
    public void Parse_KeyVaultEventWithoutVersion_ReportsTheProblem()
    {
        var body = """{"id":"1","topic":"/subscriptions/0/resourceGroups/r/providers/Microsoft.KeyVault/vaults/kv-prod","subject":"s","eventType":"Microsoft.KeyVault.SecretNewVersionCreated","data":{"VaultName":"kv-prod","ObjectName":"s"}}""";

        var sut = Assert.Single(RotationEventParser.Parse(BinaryData.FromString(body)));

        Assert.Null(sut.Change);
        Assert.Contains("version", sut.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_CloudEventWithDataBase64_ReadsTheData()
    {
        var data = SampleEvents.Base64($$"""{"VaultName":"kv-prod","ObjectName":"db-password","Version":"{{Version}}"}""");
        var body = $$"""{"specversion":"1.0","id":"1","source":"{{SampleEvents.VaultId}}","type":"Microsoft.KeyVault.SecretNewVersionCreated","data_base64":"{{data}}"}""";

        var sut = Assert.Single(RotationEventParser.Parse(BinaryData.FromString(body)));

        Assert.Equal(EventSchema.CloudEvents, sut.Schema);
        Assert.Equal("db-password", sut.Change!.Name);
    }

    [Fact]
    public void Parse_UnknownEventType_IsUnknownWithoutAProblem()
    {
        var body = """{"id":"1","topic":"t","subject":"s","eventType":"Microsoft.KeyVault.VaultAccessPolicyChanged","data":{}}""";

        var sut = Assert.Single(RotationEventParser.Parse(BinaryData.FromString(body)));

        Assert.Equal(RotationEventKind.Unknown, sut.Kind);
        Assert.Null(sut.Problem);
    }

    [Fact]
    public void Parse_SubscriptionValidation_ReadsTheValidationCode()
    {
        var sut = Assert.Single(RotationEventParser.Parse(BinaryData.FromString(SampleEvents.SubscriptionValidation("code-123"))));

        Assert.Equal(RotationEventKind.SubscriptionValidation, sut.Kind);
        Assert.Equal("code-123", sut.ValidationCode);
    }

    [Fact]
    public void Parse_ArrayWithANonObjectItem_KeepsTheOtherEvents()
    {
        var body = $"[1, {SampleEvents.KeyVaultNewVersion("db-password", Version)}]";

        var sut = RotationEventParser.Parse(BinaryData.FromString(body));

        Assert.Equal(2, sut.Count);
        Assert.NotNull(sut[0].Problem);
        Assert.NotNull(sut[1].Change);
    }

    [Theory]
    [InlineData("Event Grid eventTime", false)]
    [InlineData("CloudEvents time", true)]
    public void Parse_EventWithTime_KeepsTheTimeOnTheChange(string reason, bool cloud)
    {
        var body = cloud
            ? SampleEvents.KeyVaultCloudEvent("db-password", Version).Replace(
                "\"specversion\": \"1.0\",", "\"specversion\": \"1.0\", \"time\": \"2026-11-30T09:15:04Z\",",
                StringComparison.Ordinal)
            : SampleEvents.KeyVaultNewVersion("db-password", Version);

        var change = Assert.Single(RotationEventParser.Parse(BinaryData.FromString(body))).Change;

        Assert.True(new DateTimeOffset(2026, 11, 30, 9, 15, 4, TimeSpan.Zero) == change?.OccurredAt, reason);
    }
}
