using OpenDownloads.Rotation.Configuration;
using OpenDownloads.Tests.Rotation.Support;

namespace OpenDownloads.Tests.Rotation;

/// <summary>Dry run, the self-restart rule, expiry warnings and escalation on the queue path.</summary>
public sealed class RotationBehaviourAzuriteTests
{
    private const string Version = "0123456789abcdef0123456789abcdef";
    private const string SelfId = TestConsumers.Sites + "odl-functions";
    private static readonly TimeSpan Idle = TimeSpan.FromSeconds(31);

    [Fact]
    public async Task HandleAsync_DryRunTwice_PlansTheSameCallsAndRecordsNothing()
    {
        using var sut = new ResponderRig(options =>
        {
            options.DryRun = true;
            options.Consumers.Add(TestConsumers.Site("api", "SoftRestart", ("kv-prod", "db-password", "Exact")));
        });
        var change = SampleEvents.KeyVaultNewVersion("db-password", Version);

        await sut.DeliverAsync(change, times: 2);
        await sut.PumpAsync(Idle);

        var planned = sut.Planner.Calls.Select(call => call.Call.ToString()).ToList();
        Assert.Equal(4, planned.Count);
        Assert.Equal(planned[..2], planned[2..]);
        Assert.StartsWith($"POST {TestConsumers.Sites}api/restart?api-version=", planned[0], StringComparison.Ordinal);
        Assert.Empty(sut.Arm.Requests);
        Assert.Equal(0, await sut.CountAllRowsAsync());
        Assert.Equal(0, sut.Credential.Requests);
    }

    [Fact]
    public async Task Pump_ConsumerIsTheRespondersOwnApp_RefusesAndAlertsOnce()
    {
        using var sut = new ResponderRig(options =>
        {
            options.SelfResourceId = SelfId;
            options.Consumers.Add(TestConsumers.Site("odl-functions", "Restart", ("kv-prod", "db-password", "Exact")));
        });
        var change = SampleEvents.KeyVaultNewVersion("db-password", Version);

        await sut.DeliverAsync(change, times: 2);
        await sut.PumpAsync(Idle);

        Assert.Empty(sut.Arm.Requests);
        Assert.Single(sut.Alerts.Requests);
        Assert.Equal(2, sut.Logs.Count(5110));
    }

    [Fact]
    public async Task Pump_SecretNearExpiry_AlertsOnceAndRestartsNothing()
    {
        using var sut = ResponderRig.OneSite();
        var warning = SampleEvents.KeyVaultCloudEvent("db-password", Version, "Microsoft.KeyVault.SecretNearExpiry");

        await sut.DeliverAsync(warning, times: 2);
        await sut.PumpAsync(Idle);

        Assert.Empty(sut.Arm.Requests);
        Assert.Contains("api", Assert.Single(sut.Alerts.Requests).Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pump_ReferenceStillOnOldVersionAfterRefresh_EscalatesToSoftRestartThenStops()
    {
        using var sut = ResponderRig.OneSite("RefreshReferences");
        var restarted = false;
        sut.Arm.Respond = request =>
        {
            restarted |= FakeArm.IsRestart(request);
            return request.Path.EndsWith("/configreferences/appsettings", StringComparison.Ordinal)
                ? CannedResponse.Ok(References(restarted ? Version : "00000000000000000000000000000000"))
                : FakeArm.Healthy(request);
        };

        await sut.DeliverAsync(SampleEvents.KeyVaultNewVersion("db-password", Version));
        await sut.PumpAsync(Idle);

        var actions = sut.Arm.Requests.Where(request => request.Method == "POST").Select(request => $"{request.Path}?{request.Query}").ToList();
        Assert.Equal(2, actions.Count);
        Assert.EndsWith("/config/configreferences/appsettings/refresh?api-version=2022-03-01", actions[0], StringComparison.Ordinal);
        Assert.EndsWith("/restart?api-version=2024-04-01&softRestart=true", actions[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pump_ContainerAppNewRevision_PatchesTemplateWithNewSuffixAndWaitsForIt()
    {
        using var sut = new ResponderRig(options => options.Consumers.Add(TestConsumers.ContainerApp("transcoder", "NewRevision", "kv-prod", "db-password")));
        string? suffix = null;
        sut.Arm.Respond = request =>
        {
            if (request.Method == "PATCH")
            {
                suffix = System.Text.Json.JsonDocument.Parse(request.Body).RootElement
                    .GetProperty("properties").GetProperty("template").GetProperty("revisionSuffix").GetString();
                return CannedResponse.Ok();
            }

            return request.Path.EndsWith("/revisions/transcoder--" + suffix, StringComparison.Ordinal)
                ? CannedResponse.Ok("""{"name":"x","properties":{"active":true,"runningState":"Running","provisioningState":"Provisioned"}}""")
                : CannedResponse.Ok(ContainerApp(suffix ?? "old"));
        };

        await sut.DeliverAsync(SampleEvents.KeyVaultNewVersion("db-password", Version));
        await sut.PumpAsync(Idle);

        Assert.NotNull(suffix);
        Assert.NotEqual("old", suffix);
        var patch = Assert.Single(sut.Arm.Requests, request => request.Method == "PATCH");
        Assert.Contains("\"image\":\"img\"", patch.Body, StringComparison.Ordinal);
        Assert.Equal(1, sut.Logs.Count(5107));
    }

    [Fact]
    public async Task Pump_AppConfigurationKeyChangedForASiteThatRefreshes_EscalatesToSoftRestart()
    {
        using var sut = new ResponderRig(options =>
        {
            var site = new ConsumerOptions { Name = "api", ResourceId = TestConsumers.Sites + "api", Action = "RefreshReferences" };
            site.DependsOn.Add(new DependencyOptions { Store = "appcs-prod", Key = "Feeds:Token", Label = "prod" });
            options.Consumers.Add(site);
        });

        await sut.DeliverAsync(SampleEvents.AppConfigurationModified("Feeds:Token", "test", "etag-0"));
        await sut.DeliverAsync(SampleEvents.AppConfigurationModified("Feeds:Token", "prod", "etag-1"));
        await sut.PumpAsync(Idle);

        var posts = sut.Arm.Requests.Where(request => request.Method == "POST").Select(request => request.Path).ToList();
        Assert.Equal(
            [TestConsumers.Sites + "api/config/configreferences/appsettings/refresh", TestConsumers.Sites + "api/restart"],
            posts);
        Assert.Equal(1, await sut.CountLedgerRowsAsync());
    }

    private static string ContainerApp(string latestSuffix) =>
        "{\"properties\":{\"latestRevisionName\":\"transcoder--" + latestSuffix
        + "\",\"template\":{\"containers\":[{\"name\":\"c\",\"image\":\"img\"}],\"revisionSuffix\":\"old\"}}}";

    private static string References(string activeVersion) => $$$"""
        {"value":[{"name":"DbPassword","properties":{"reference":"@Microsoft.KeyVault(SecretUri=https://kv-prod.vault.azure.net/secrets/db-password/)",
          "status":"Resolved","vaultName":"kv-prod","secretName":"db-password","secretVersion":null,"activeVersion":"{{{activeVersion}}}"}}]}
        """;
}
