namespace OpenDownloads.Functions.Tests.Deployment;

/// <summary>
/// Every setting the code reads has a value in the template's app settings (but those SettingKeys.LeftUnset names)
/// and in local.settings.sample.json (but Datacenters:FeedDirectory), and neither holds a setting the code does not
/// read in its own sections (a misspelt name would be silently ignored).
/// </summary>
public sealed class AppSettingsCoverageTests
{
    private static readonly string[] OwnSections = ["CountDownloads:", "Datacenters:", "Rotation:", "AzureWebJobs."];

    // Consumers are sites without slots matched exactly (the defaults); Store, Key and Label come from the
    // rotationConsumers parameter's keys.
    private static readonly string[] ConsumerDefaults =
    [
        "Rotation:Consumers:0:Slot",
        "Rotation:Consumers:0:DependsOn:0:Match",
    ];

    public static TheoryData<string> Keys => [.. SettingKeys.Values.Where(k => !SettingKeys.LeftUnset.ContainsKey(k))];

    public static TheoryData<string> SampleKeys => [.. SettingKeys.Values.Except(SettingKeys.NotInTheSample)];

    public static TheoryData<string> Connections => [.. SettingKeys.Connections];

    [Theory]
    [MemberData(nameof(Keys))]
    public void Template_SettingTheCodeReads_IsSetInOneOfTheApps(string key)
    {
        var sut = AllTemplateSettings();

        Assert.True(
            SettingKeys.IsSet(sut, key) || ConsumerDefaults.Contains(key),
            $"infra/modules/app-settings.bicep sets no {key.Replace(":", "__", StringComparison.Ordinal)}.");
    }

    [Theory]
    [MemberData(nameof(SampleKeys))]
    public void LocalSettingsSample_SettingTheCodeReads_IsListed(string key)
    {
        var sut = LocalSettingsSample.Names();

        Assert.True(SettingKeys.IsSet(sut, key), $"local.settings.sample.json lists no {key}.");
    }

    [Theory]
    [MemberData(nameof(Connections))]
    public void TemplateAndSample_Connection_IsConfigured(string key)
    {
        Assert.True(SettingKeys.IsConnectionSet(AllTemplateSettings(), key), $"The template has no {key} connection.");
        Assert.True(SettingKeys.IsConnectionSet(LocalSettingsSample.Names(), key), $"The sample has no {key}.");
    }

    [Fact]
    public void TemplateAndSample_EverySettingOfTheApp_IsOneTheCodeReads()
    {
        var known = SettingKeys.Values.Concat(SettingKeys.Connections).ToHashSet(StringComparer.OrdinalIgnoreCase);
        bool Known(string name) =>
            known.Contains(name)
            || SettingKeys.Connections.Any(c => name.StartsWith(c + ":", StringComparison.OrdinalIgnoreCase));

        var unknown = AllTemplateSettings().Concat(LocalSettingsSample.Names())
            .Where(name => OwnSections.Any(section => name.StartsWith(section, StringComparison.OrdinalIgnoreCase)))
            .Where(name => !Known(name))
            .Distinct()
            .ToList();

        Assert.Empty(unknown);
    }

    [Fact]
    public void Template_EachApp_TurnsOffTheOtherAppsFunctionsOnly()
    {
        var counter = CompiledTemplate.AppSettingNames("counter");
        var rotation = CompiledTemplate.AppSettingNames("rotation");

        string[] rotationFunctions = ["RestartOnSecretRotation", "RunRotationAction", "RotationWebhook"];
        foreach (var function in SettingKeys.FunctionNames())
        {
            var inRotation = rotationFunctions.Contains(function);
            var setting = FunctionSwitches.SettingName(function);
            Assert.Equal(inRotation, counter.Contains(setting));
            Assert.Equal(!inRotation, rotation.Contains(setting));
        }
    }

    [Fact]
    public void Template_CounterAndResponder_EachGetTheirOwnSections()
    {
        var counter = CompiledTemplate.AppSettingNames("counter");
        var rotation = CompiledTemplate.AppSettingNames("rotation");

        Assert.Contains("CountDownloads__Salt", counter);
        Assert.Contains("Datacenters__Container", counter);
        Assert.DoesNotContain(rotation, name => name.StartsWith("CountDownloads__Salt", StringComparison.Ordinal));
        Assert.DoesNotContain(counter, name => name.StartsWith("Rotation__", StringComparison.Ordinal));
        Assert.Contains("Rotation__Consumers__0__DependsOn__0__Secret", rotation);
        Assert.Contains("AzureWebJobsStorage__accountName", counter);
        Assert.Contains("AzureWebJobsStorage__accountName", rotation);
        Assert.Contains("CountDownloads__EventHub__fullyQualifiedNamespace", counter);
    }

    private static HashSet<string> AllTemplateSettings() =>
        CompiledTemplate.AppSettingNames("counter").Concat(CompiledTemplate.AppSettingNames("rotation"))
            .Select(SettingKeys.Normalise)
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
}
