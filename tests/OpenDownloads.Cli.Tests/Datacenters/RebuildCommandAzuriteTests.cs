using OpenDownloads.Datacenters.Publishing;
using OpenDownloads.Tests.TestData;

namespace OpenDownloads.Cli.Tests.Datacenters;

/// <summary><c>odl datacenters rebuild --publish</c> against Azurite.</summary>
public sealed class RebuildCommandAzuriteTests
{
    private static readonly string[] Inputs =
    [
        "--base", SharedData.Path("ipcat", "datacenters.csv"), "--feeds", SharedData.Path("providers"),
        "--providers", "fastly,cloudflare",
    ];

    [Fact]
    public async Task Rebuild_PublishTwice_SecondRunMovesLatestFromTheFirst()
    {
        await using var container = AzuriteStorage.CreateContainer();
        string[] publish = ["--publish", "--connection", AzuriteStorage.ConnectionString, "--container", container.Client.Name];

        var first = await OdlRun.StartAsync(["datacenters", "rebuild", .. Inputs, .. publish]);
        var second = await OdlRun.StartAsync(["datacenters", "rebuild", .. Inputs, .. publish]);

        Assert.Equal((0, 0), (first.ExitCode, second.ExitCode));
        Assert.Matches(@"Published \S+; latest points at it\.", second.Output);
        var latest = await new DatacenterListPublisher(container.Client, 30, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance)
            .ReadLatestAsync(CancellationToken.None);
        Assert.Contains($"Published {latest!.Version};", second.Output, StringComparison.Ordinal);
        Assert.Contains("Moved latest from ", second.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rebuild_PublishOverAnUnreadableLatest_WarnsNamingLatestAndPublishes()
    {
        await using var container = AzuriteStorage.CreateContainer();
        string[] publish = ["--publish", "--connection", AzuriteStorage.ConnectionString, "--container", container.Client.Name];
        await OdlRun.StartAsync(["datacenters", "rebuild", .. Inputs, .. publish]);
        await container.Client.GetBlobClient(DatacenterListPublisher.LatestBlobName).UploadAsync(new BinaryData("not json"), overwrite: true);

        var run = await OdlRun.StartAsync(["datacenters", "rebuild", .. Inputs, .. publish]);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("odl: warning: latest.json", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", run.Error, StringComparison.Ordinal);
        Assert.Matches(@"Published \S+; latest points at it\.", run.Output);
    }

    [Fact]
    public async Task Rebuild_PublishWithAnExplicitPrevious_ReadsThatPreviousList()
    {
        await using var container = AzuriteStorage.CreateContainer();
        string[] publish = ["--publish", "--connection", AzuriteStorage.ConnectionString, "--container", container.Client.Name];
        await OdlRun.StartAsync(["datacenters", "rebuild", .. Inputs, .. publish]);
        var previous = Directory.CreateTempSubdirectory("odl-previous-").FullName;
        File.WriteAllText(Path.Combine(previous, "datacenters.csv"), "not,a,list\n");

        var run = await OdlRun.StartAsync(["datacenters", "rebuild", .. Inputs, .. publish, "--previous", previous]);

        Directory.Delete(previous, recursive: true);
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("odl: warning: the previous list in " + previous, run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rebuild_PublishWithoutAConnection_ExitsWith2()
    {
        var saved = Environment.GetEnvironmentVariable("AzureWebJobsStorage");
        Assert.Null(saved); // the test process must not carry a real connection string

        var run = await OdlRun.StartAsync(["datacenters", "rebuild", .. Inputs, "--publish"]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--publish needs --connection", run.Error, StringComparison.Ordinal);
    }
}
