using Microsoft.Extensions.Configuration;

namespace OpenDownloads.Functions.Tests;

public sealed class FunctionSwitchesTests
{
    public static TheoryData<string?, bool> Values => new()
    {
        { null, true },      // absent: the host runs the function
        { "false", true },
        { "true", false },
        { "True", false },   // the host reads it as a boolean, any case
        { "1", false },      // the portal's older switch
        { " true ", false },
        { "0", true },
        { "yes", true },     // not a value the host turns off on
    };

    [Theory]
    [MemberData(nameof(Values))]
    public void IsEnabled_DisabledSetting_FollowsTheHost(string? value, bool expected)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AzureWebJobs.CountDownloads.Disabled"] = value,
        }).Build();

        var sut = FunctionSwitches.IsEnabled(configuration, "CountDownloads");

        Assert.Equal(expected, sut);
    }

    [Fact]
    public void IsEnabled_LinuxSpellingWithUnderscores_IsReadToo()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AzureWebJobs_CountDownloads_Disabled"] = "true",
        }).Build();

        var sut = FunctionSwitches.IsEnabled(configuration, "CountDownloads");

        Assert.False(sut);
    }

    [Fact]
    public void AnyEnabled_OneOfSeveralOn_IsTrue()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AzureWebJobs.CountDownloads.Disabled"] = "true",
        }).Build();

        Assert.True(FunctionSwitches.AnyEnabled(configuration, "CountDownloads", "CloseDownloadDays"));
        Assert.False(FunctionSwitches.AnyEnabled(configuration, "CountDownloads"));
    }
}
