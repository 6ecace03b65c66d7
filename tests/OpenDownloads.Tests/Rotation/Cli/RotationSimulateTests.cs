using System.Text.Json;
using System.Text.Json.Nodes;
using OpenDownloads.Tests.Rotation.Support;

namespace OpenDownloads.Tests.Rotation.Cli;

/// <summary>odl rotation simulate, run as a process on the samples in samples/rotation.</summary>
public sealed class RotationSimulateTests
{
    private const string Site = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/odl-rg/providers/Microsoft.Web/sites/odl-feed-api";
    private const string App = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/odl-rg/providers/Microsoft.App/containerApps/odl-transcoder";

    [Fact]
    public async Task Simulate_SampleKeyVaultEventDryRun_PrintsOnePlannedCallPerLine()
    {
        var (exitCode, output, error) = await OdlProcess.RunAsync(
            "rotation", "simulate", "samples/rotation/keyvault-secret-new-version.json", "--config", "samples/rotation/consumers.json", "--dry-run");

        Assert.True(exitCode == 0, error);
        var calls = Lines(output).Select(line => $"{line["method"]} {line["path"]} {line["api-version"]}").ToList();
        Assert.Equal(
            [
                $"POST {Site}/config/configreferences/appsettings/refresh 2022-03-01",
                $"GET {Site}/config/configreferences/appsettings 2022-03-01",
                $"POST {Site}/slots/staging/restart 2024-04-01",
                $"GET {Site}/slots/staging/config/configreferences/appsettings 2022-03-01",
                $"GET {App} 2024-03-01",
                $"PATCH {App} 2024-03-01",
                $"GET {App} 2024-03-01",
                $"GET {App}/revisions/{{new-revision}} 2024-03-01",
            ],
            calls);
        Assert.Contains("opted out", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Simulate_SampleAppConfigurationEventDryRun_PlansTheContainerAppRevision()
    {
        var (exitCode, output, _) = await OdlProcess.RunAsync(
            "rotation", "simulate", "samples/rotation/appconfiguration-key-value-modified.json", "--config", "samples/rotation/consumers.json", "--dry-run");

        Assert.Equal(0, exitCode);
        Assert.All(Lines(output), line => Assert.Equal("transcoder", (string?)line["consumer"]));
        Assert.Contains(Lines(output), line => (string?)line["method"] == "PATCH");
    }

    [Fact]
    public async Task Simulate_CloudEventAgainstLoopbackArm_MakesAndPrintsTheCalls()
    {
        using var arm = new LoopbackServer(FakeArm.Healthy);
        using var config = new TempJson(SampleConfigPointingAt(arm.Endpoint));

        var (exitCode, output, error) = await OdlProcess.RunAsync(
            "rotation", "simulate", "samples/rotation/keyvault-secret-new-version.cloudevents.json", "--config", config.Path);

        Assert.True(exitCode == 0, error);
        var printed = Lines(output).Select(line => $"{line["method"]} {line["path"]}").ToList();
        Assert.Equal(arm.Requests.Select(request => $"{request.Method} {request.Path}"), printed);
        Assert.Equal($"POST {Site}/config/configreferences/appsettings/refresh", printed[0]);
        Assert.Contains($"POST {Site}/restart", printed);
        Assert.All(arm.Requests, request => Assert.Null(request.Authorization));
        Assert.All(Lines(output), line => Assert.Equal(200, (int?)line["status"]));
        Assert.All(Lines(output), line => Assert.Equal("feed-api", (string?)line["consumer"]));
    }

    [Theory]
    [InlineData("samples/rotation/keyvault-secret-new-version.json")]
    [InlineData("samples/rotation/keyvault-secret-new-version.cloudevents.json")]
    [InlineData("samples/rotation/appconfiguration-key-value-modified.json")]
    public async Task Simulate_EverySampleRealRun_NamesTheConsumerAndStatusOfEachCallItsDryRunPlanned(string sample)
    {
        using var arm = new LoopbackServer(FakeArm.WithContainerApps());
        using var config = new TempJson(SampleConfigPointingAt(arm.Endpoint));

        var (dryExit, planned, _) = await OdlProcess.RunAsync("rotation", "simulate", sample, "--config", config.Path, "--dry-run");
        var (exitCode, output, error) = await OdlProcess.RunAsync("rotation", "simulate", sample, "--config", config.Path);

        Assert.Equal(0, dryExit);
        Assert.True(exitCode == 0, error);
        var made = Lines(output);
        Assert.NotEmpty(made);
        Assert.All(made, line => Assert.Equal(200, (int?)line["status"]));
        var plannedConsumers = Lines(planned).Select(line => (string?)line["consumer"]).Distinct();
        Assert.Equal(plannedConsumers, made.Select(line => (string?)line["consumer"]).Distinct());
        Assert.Equal(Lines(planned)[0]["path"]!.ToString(), made[0]["path"]!.ToString());
    }

    [Fact]
    public async Task Simulate_NothingListeningAtTheArmEndpoint_SaysAtOnceItCouldNotConnectForEachConsumer()
    {
        int port;
        using (var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0))
        {
            probe.Start();
            port = ((System.Net.IPEndPoint)probe.LocalEndpoint).Port;
        }

        var json = JsonNode.Parse(SampleConfigPointingAt(new Uri($"http://127.0.0.1:{port}/")))!;
        // Were a refused connection retried, a minute between tries would outlast the process's timeout.
        json["Rotation"]!["Arm"]!["MaxRetries"] = 4;
        json["Rotation"]!["Arm"]!["RetryDelay"] = "00:01:00";
        json["Rotation"]!["Arm"]!["MaxRetryDelay"] = "00:01:00";
        using var config = new TempJson(json.ToJsonString());

        var (exitCode, output, error) = await OdlProcess.RunAsync(
            "rotation", "simulate", "samples/rotation/keyvault-secret-new-version.json", "--config", config.Path);

        Assert.True(exitCode == 1, error);
        Assert.DoesNotContain("Unhandled exception", error, StringComparison.Ordinal);
        Assert.DoesNotContain("status 0", error, StringComparison.Ordinal);
        Assert.Contains($"Consumer 'feed-api' failed: Could not connect to 127.0.0.1:{port}: ", error, StringComparison.Ordinal);
        Assert.All(Lines(output), line => Assert.StartsWith($"Could not connect to 127.0.0.1:{port}", (string?)line["error"], StringComparison.Ordinal));
        Assert.Equal(["feed-api", "feed-api-staging", "transcoder"], Lines(output).Select(line => (string?)line["consumer"]));
    }

    [Theory]
    [InlineData("a missing required option", new[] { "rotation", "simulate", "samples/rotation/keyvault-secret-new-version.json" }, "odl rotation simulate --help")]
    [InlineData("an unknown sub-command", new[] { "rotation", "simulat" }, "odl rotation --help")]
    [InlineData("an unknown top-level argument", new[] { "--bogus" }, "odl --help")]
    public async Task Run_UsageMistake_PointsAtTheHelpOfTheCommandThatFailed(string reason, string[] args, string expected)
    {
        var (exitCode, _, error) = await OdlProcess.RunAsync(args);

        Assert.Equal(2, exitCode);
        Assert.True(error.Contains($"Run '{expected}' for usage.", StringComparison.Ordinal), $"{reason}: {error}");
        Assert.DoesNotContain("odl count --help", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Simulate_FirstConsumerRefused_RunsTheOthersAndNamesTheFailedOne()
    {
        using var arm = new LoopbackServer(request => request.Path.StartsWith($"{Site}/config", StringComparison.Ordinal)
            ? CannedResponse.Error(403, "AuthorizationFailed")
            : FakeArm.Healthy(request));
        using var config = new TempJson(SampleConfigPointingAt(arm.Endpoint));

        var (exitCode, _, error) = await OdlProcess.RunAsync(
            "rotation", "simulate", "samples/rotation/keyvault-secret-new-version.json", "--config", config.Path);

        Assert.True(exitCode == 1, error);
        Assert.True(arm.Requests.Any(request => request.Path == $"{Site}/slots/staging/restart"), error);
        Assert.Contains(arm.Requests, request => request.Path.StartsWith(App, StringComparison.Ordinal));
        var lastLine = error.TrimEnd().Split('\n')[^1];
        Assert.Contains("Consumer 'feed-api' failed: ARM answered 403 (AuthorizationFailed)", error, StringComparison.Ordinal);
        Assert.Contains("expected Website Contributor on it", error, StringComparison.Ordinal);
        Assert.Contains("failed: feed-api", lastLine, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Simulate_ConsumerFails_PostsOneAlertNamingItAndTheReason()
    {
        using var alerts = new LoopbackServer();
        var healthy = FakeArm.WithContainerApps();
        using var arm = new LoopbackServer(request => request.Path.StartsWith($"{Site}/config", StringComparison.Ordinal)
            ? CannedResponse.Error(403, "AuthorizationFailed")
            : healthy(request));
        var json = JsonNode.Parse(SampleConfigPointingAt(arm.Endpoint))!;
        json["Rotation"]!["AlertWebhook"] = new Uri(alerts.Endpoint, "alerts").ToString();
        using var config = new TempJson(json.ToJsonString());

        var (exitCode, _, error) = await OdlProcess.RunAsync(
            "rotation", "simulate", "samples/rotation/keyvault-secret-new-version.json", "--config", config.Path);

        Assert.True(exitCode == 1, error);
        var alert = Assert.Single(alerts.Requests);
        Assert.Equal("/alerts", alert.Path);
        var text = (string?)JsonNode.Parse(alert.Body)!["text"];
        Assert.Contains("Rotation failed for feed-api", text, StringComparison.Ordinal);
        Assert.Contains("ARM answered 403 (AuthorizationFailed)", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Simulate_InvalidConfiguration_ExitsWithBadInputAndListsTheProblems()
    {
        using var config = new TempJson("""{"Rotation":{"MaxAttempts":0,"Consumers":[{"Name":"x","ResourceId":"nope"}]}}""");

        var (exitCode, output, error) = await OdlProcess.RunAsync(
            "rotation", "simulate", "samples/rotation/keyvault-secret-new-version.json", "--config", config.Path, "--dry-run");

        Assert.Equal(2, exitCode);
        Assert.Empty(output);
        Assert.Contains("MaxAttempts is 0", error, StringComparison.Ordinal);
        Assert.Contains("ResourceId 'nope'", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Simulate_EventFileHoldingAJsonNumber_SaysItIsJsonNotAnEventOnce()
    {
        using var events = new TempJson("42");

        var (exitCode, output, error) = await OdlProcess.RunAsync(
            "rotation", "simulate", events.Path, "--config", "samples/rotation/consumers.json", "--dry-run");

        Assert.Equal(2, exitCode);
        Assert.Empty(output);
        var said = $"{events.Path}: The message is JSON (a number), not an event;";
        Assert.True(error.Contains(said, StringComparison.Ordinal), error);
        Assert.Single(error.Split('\n'), line => line.Contains("not an event", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Simulate_ConfigurationThatIsNotJson_SaysWhereItStopped()
    {
        using var config = new TempJson("{\n  \"Rotation\": {\n    \"MaxAttempts\": 5,,\n  }\n}");

        var (exitCode, _, error) = await OdlProcess.RunAsync(
            "rotation", "simulate", "samples/rotation/keyvault-secret-new-version.json", "--config", config.Path, "--dry-run");

        Assert.Equal(2, exitCode);
        Assert.True(error.Contains("not valid JSON at line 3", StringComparison.Ordinal), error);
    }

    [Theory]
    [InlineData("an empty Rotation section", """{"Rotation":{}}""")]
    [InlineData("an empty object for the list", """{"Rotation":{"Consumers":{}}}""")]
    [InlineData("an empty file object", "{}")]
    public async Task Simulate_NoConsumers_ExitsWithBadInput(string reason, string json)
    {
        using var config = new TempJson(json);

        var (exitCode, output, error) = await OdlProcess.RunAsync(
            "rotation", "simulate", "samples/rotation/keyvault-secret-new-version.json", "--config", config.Path, "--dry-run");

        Assert.True(exitCode == 2, $"{reason}: {error}");
        Assert.Empty(output);
    }

    private static List<JsonNode> Lines(string output) =>
        [.. output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonNode.Parse(line)!)];

    private static string SampleConfigPointingAt(Uri arm)
    {
        var sample = JsonNode.Parse(File.ReadAllText(Repository.Path("samples", "rotation", "consumers.json")))!;
        var rotation = sample["Rotation"]!;
        rotation["Arm"]!["Endpoint"] = arm.ToString();
        rotation["AlertWebhook"] = null;
        rotation["VerifyDelay"] = "00:00:00";
        return sample.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }
}
