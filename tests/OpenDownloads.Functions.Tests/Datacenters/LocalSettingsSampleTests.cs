using System.Text.Json;
using OpenDownloads.Functions.Datacenters;

namespace OpenDownloads.Functions.Tests.Datacenters;

public sealed class LocalSettingsSampleTests
{
    [Fact]
    public void LocalSettingsSample_RebuildSchedule_IsTheDocumentedDailyDefault()
    {
        var path = Path.Combine(FunctionsBuildOutput.RepositoryRoot, "local.settings.sample.json");
        using var sut = JsonDocument.Parse(File.ReadAllText(path));

        var schedule = sut.RootElement.GetProperty("Values").GetProperty(RebuildDatacenterList.ScheduleSetting).GetString();

        Assert.Equal(RebuildDatacenterList.DefaultSchedule, schedule);
        Assert.Equal("0 15 3 * * *", schedule); // second minute hour: 03:15:00 UTC every day
    }
}
