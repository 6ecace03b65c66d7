using System.Text.Json;
using OpenDownloads.Tests.Rotation.Support;

namespace OpenDownloads.Tests.Rotation;

/// <summary>
/// ARM failures on the queue path: retries honouring Retry-After, backoff attempts, poison queue and alert.
/// </summary>
public sealed class RotationFailureAzuriteTests
{
    private const string Version = "0123456789abcdef0123456789abcdef";
    private const string SecretLookingValue = "P@ssw0rd-Sup3rSecret-9f8e7d";
    private static readonly TimeSpan Idle = TimeSpan.FromSeconds(31);

    [Fact]
    public async Task Pump_ArmAnswers429ThenSuccess_RetriesAfterRetryAfterAndRestartsOnce()
    {
        using var sut = ResponderRig.OneSite();
        var restarts = 0;
        sut.Arm.Respond = request => FakeArm.IsRestart(request) && Interlocked.Increment(ref restarts) == 1
            ? CannedResponse.TooManyRequests(retryAfterSeconds: 1)
            : FakeArm.Healthy(request);

        await sut.DeliverAsync(SampleEvents.KeyVaultNewVersion("db-password", Version));
        await sut.PumpAsync(Idle);

        var tries = sut.Arm.Requests.Where(FakeArm.IsRestart).ToList();
        Assert.Equal(2, tries.Count);
        Assert.True(tries[1].ReceivedAt - tries[0].ReceivedAt >= TimeSpan.FromMilliseconds(900), "The retry did not wait for Retry-After.");
        Assert.Empty(await sut.PeekPoisonAsync());
        Assert.Empty(sut.Alerts.Requests);
        Assert.Equal(1, await sut.CountLedgerRowsAsync());
    }

    [Fact]
    public async Task Pump_ArmAnswers500Forever_EndsInPoisonQueueWithReasonAndOneAlert()
    {
        using var sut = new ResponderRig(options =>
        {
            options.MaxAttempts = 3;
            options.Consumers.Add(TestConsumers.Site("api", "Restart", ("kv-prod", "db-password", "Exact")));
        });
        sut.Arm.Respond = request => FakeArm.IsRestart(request) ? CannedResponse.Error(500, "InternalServerError") : FakeArm.Healthy(request);

        await sut.DeliverAsync(SampleEvents.KeyVaultNewVersion("db-password", Version), times: 2);
        await sut.PumpAsync(Idle);

        Assert.Equal(3 * 3, sut.Arm.Requests.Count(FakeArm.IsRestart));
        var letter = Assert.Single(await sut.PeekPoisonAsync());
        using var parsed = JsonDocument.Parse(letter);
        Assert.Equal("api", parsed.RootElement.GetProperty("consumer").GetString());
        Assert.Equal(3, parsed.RootElement.GetProperty("attempts").GetInt32());
        Assert.Contains("500", parsed.RootElement.GetProperty("reason").GetString(), StringComparison.Ordinal);
        var alert = Assert.Single(sut.Alerts.Requests);
        Assert.Contains("api", alert.Body, StringComparison.Ordinal);
        Assert.Equal(1, sut.Logs.Count(5109));
    }

    [Fact]
    public async Task Pump_ReferenceAccessDenied_FailsAtOnceWithoutRestartsNamingTheStatus()
    {
        using var sut = ResponderRig.OneSite("RefreshReferences");
        sut.Arm.Respond = request => request.Method == "GET" && request.Path.EndsWith("/config/configreferences/appsettings", StringComparison.Ordinal)
            ? CannedResponse.Ok("""
                {"value":[{"name":"DbPassword","properties":{"status":"AccessToKeyVaultDenied","vaultName":"kv-prod","secretName":"db-password"}}]}
                """)
            : FakeArm.Healthy(request);

        await sut.DeliverAsync(SampleEvents.KeyVaultNewVersion("db-password", Version));
        await sut.PumpAsync(Idle);

        Assert.DoesNotContain(sut.Arm.Requests, request => request.Path.EndsWith("restart", StringComparison.OrdinalIgnoreCase));
        Assert.Single(sut.Arm.Requests, request => request.Path.EndsWith("/refresh", StringComparison.Ordinal));
        var letter = Assert.Single(await sut.PeekPoisonAsync());
        using var parsed = JsonDocument.Parse(letter);
        Assert.Equal(1, parsed.RootElement.GetProperty("attempts").GetInt32());
        Assert.Contains("AccessToKeyVaultDenied", parsed.RootElement.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Single(sut.Alerts.Requests);
    }

    [Fact]
    public async Task Pump_ReferencesAnswerIsHtml_RetriesTheCheckWithoutRestarting()
    {
        using var sut = new ResponderRig(options =>
        {
            options.MaxAttempts = 3;
            options.Consumers.Add(TestConsumers.Site("api", "RefreshReferences", ("kv-prod", "db-password", "Exact")));
        });
        sut.Arm.Respond = request => request.Method == "GET" && request.Path.EndsWith("/config/configreferences/appsettings", StringComparison.Ordinal)
            ? CannedResponse.Ok("<html><body>Bad gateway</body></html>")
            : FakeArm.Healthy(request);

        await sut.DeliverAsync(SampleEvents.KeyVaultNewVersion("db-password", Version));
        await sut.PumpAsync(Idle);

        Assert.DoesNotContain(sut.Arm.Requests, request => request.Path.EndsWith("restart", StringComparison.OrdinalIgnoreCase));
        var letter = Assert.Single(await sut.PeekPoisonAsync());
        using var parsed = JsonDocument.Parse(letter);
        Assert.Equal(3, parsed.RootElement.GetProperty("attempts").GetInt32());
        Assert.Contains("not JSON", parsed.RootElement.GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pump_ArmAnswers409ThenSuccess_SucceedsOnTheSecondAttempt()
    {
        using var sut = ResponderRig.OneSite();
        var restarts = 0;
        sut.Arm.Respond = request => FakeArm.IsRestart(request) && Interlocked.Increment(ref restarts) == 1
            ? CannedResponse.Error(409, "Conflict")
            : FakeArm.Healthy(request);

        await sut.DeliverAsync(SampleEvents.KeyVaultNewVersion("db-password", Version));
        await sut.PumpAsync(Idle);

        Assert.Equal(2, sut.Arm.Requests.Count(FakeArm.IsRestart));
        Assert.Equal(1, sut.Logs.Count(5108));
        Assert.Empty(await sut.PeekPoisonAsync());
    }

    [Fact]
    public async Task Pump_ArmAnswers403_GoesToPoisonQueueWithoutRetrying()
    {
        using var sut = ResponderRig.OneSite();
        sut.Arm.Respond = request => FakeArm.IsRestart(request) ? CannedResponse.Error(403, "AuthorizationFailed") : FakeArm.Healthy(request);

        await sut.DeliverAsync(SampleEvents.KeyVaultNewVersion("db-password", Version));
        await sut.PumpAsync(Idle);

        Assert.Single(sut.Arm.Requests, FakeArm.IsRestart);
        Assert.Contains("AuthorizationFailed", Assert.Single(await sut.PeekPoisonAsync()), StringComparison.Ordinal);
        Assert.Single(sut.Alerts.Requests);
    }

    [Fact]
    public async Task Pump_EventWithSecretLookingField_NeverLogsOrAlertsOrDeadLettersIt()
    {
        using var sut = ResponderRig.OneSite();
        sut.Arm.Respond = request => FakeArm.IsRestart(request) ? CannedResponse.Error(400, "BadRequest") : FakeArm.Healthy(request);
        var extra = $",\n \"Value\": \"{SecretLookingValue}\"";

        await sut.DeliverAsync(SampleEvents.KeyVaultNewVersion("db-password", Version, extraData: extra));
        await sut.PumpAsync(Idle);

        var everything = string.Join("\n", sut.Logs.AllText, string.Join("\n", await sut.PeekPoisonAsync()), string.Join("\n", sut.Alerts.Requests.Select(r => r.Body)));
        Assert.NotEmpty(sut.Alerts.Requests);
        Assert.DoesNotContain(SecretLookingValue, everything, StringComparison.Ordinal);
        Assert.DoesNotContain(FakeTokenCredential.Token, everything, StringComparison.Ordinal);
        Assert.All(sut.Arm.Requests, request => Assert.Equal($"Bearer {FakeTokenCredential.Token}", request.Authorization));
    }
}
