using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OpenDownloads.Functions.Rotation;
using OpenDownloads.Tests.Rotation.Support;

namespace OpenDownloads.Functions.Tests.Rotation;

/// <summary>The webhook function called as the worker calls it; dry run, so no storage or ARM is touched.</summary>
public sealed class RotationWebhookTests : IDisposable
{
    private const string Url = "https://odl.example/api/rotation/events";
    private readonly CapturingLoggerFactory _logs = new();
    private readonly ServiceProvider _services;

    public RotationWebhookTests() =>
        _services = RotationHost.Build(new Uri("http://127.0.0.1:9/"), _logs, ("Rotation:DryRun", "true"));

    public void Dispose()
    {
        _services.Dispose();
        _logs.Dispose();
    }

    [Fact]
    public async Task RunAsync_EventGridValidationWithTheKey_AnswersTheValidationCode()
    {
        var sut = ActivatorUtilities.CreateInstance<RotationWebhook>(_services);
        var request = Request("POST", $"{Url}?key={RotationHost.Key}", ValidationEvent("512d38b6-c7b8"), ("aeg-event-type", "SubscriptionValidation"));

        var response = (TestHttpResponse)await sut.RunAsync(request, CancellationToken.None);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(response.ReadBody());
        Assert.Equal("512d38b6-c7b8", body.RootElement.GetProperty("validationResponse").GetString());
    }

    [Fact]
    public async Task RunAsync_CloudEventsOptionsHandshakeWithKeyHeader_AllowsTheOrigin()
    {
        var sut = ActivatorUtilities.CreateInstance<RotationWebhook>(_services);
        var request = Request("OPTIONS", Url, "", ("WebHook-Request-Origin", "eventgrid.azure.net"), ("x-rotation-key", RotationHost.Key));

        var response = (TestHttpResponse)await sut.RunAsync(request, CancellationToken.None);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["eventgrid.azure.net"], response.Headers.GetValues("WebHook-Allowed-Origin"));
    }

    [Theory]
    [InlineData("a wrong key", "?key=wrong-key")]
    [InlineData("the key with one character changed", "?key=webhook-shared-key-7Hq3")]
    [InlineData("no key at all", "")]
    public async Task RunAsync_ValidationWithoutTheRightKey_IsRejected(string reason, string query)
    {
        var sut = ActivatorUtilities.CreateInstance<RotationWebhook>(_services);
        var request = Request("POST", Url + query, ValidationEvent("512d38b6-c7b8"), ("aeg-event-type", "SubscriptionValidation"));

        var response = (TestHttpResponse)await sut.RunAsync(request, CancellationToken.None);

        Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, reason);
        Assert.DoesNotContain("512d38b6", response.ReadBody(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_NotificationWithTheKey_IsAcceptedForTheResponder()
    {
        var sut = ActivatorUtilities.CreateInstance<RotationWebhook>(_services);
        var request = Request("POST", $"{Url}?key={RotationHost.Key}", $"[{KeyVaultEvent()}]", ("aeg-event-type", "Notification"));

        var response = (TestHttpResponse)await sut.RunAsync(request, CancellationToken.None);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var planned = _logs.Entries.Where(entry => entry.EventId == 5009).Select(entry => entry.Message).ToList();
        Assert.Equal(2, planned.Count);
        Assert.Contains("POST /subscriptions/0000/resourceGroups/rg/providers/Microsoft.Web/sites/api/restart", planned[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_NotificationWithAWrongKey_ReachesNoConsumer()
    {
        var sut = ActivatorUtilities.CreateInstance<RotationWebhook>(_services);
        var request = Request("POST", $"{Url}?key=guess", $"[{KeyVaultEvent()}]", ("aeg-event-type", "Notification"));

        var response = (TestHttpResponse)await sut.RunAsync(request, CancellationToken.None);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.DoesNotContain(_logs.Entries, entry => entry.EventId is 5009 or 5010);
        Assert.Contains(_logs.Entries, entry => entry.EventId == 5401);
    }

    [Fact]
    public async Task RunAsync_BodyThatIsNotAnEvent_AnswersBadRequest()
    {
        var sut = ActivatorUtilities.CreateInstance<RotationWebhook>(_services);
        var request = Request("POST", $"{Url}?key={RotationHost.Key}", "not json");

        var response = (TestHttpResponse)await sut.RunAsync(request, CancellationToken.None);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    internal static string KeyVaultEvent() => """
        {"id":"e1","topic":"/subscriptions/0000/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/kv-prod","subject":"db-password",
         "eventType":"Microsoft.KeyVault.SecretNewVersionCreated","eventTime":"2026-11-30T09:15:04Z",
         "data":{"Id":"https://kv-prod.vault.azure.net/secrets/db-password/0123456789abcdef0123456789abcdef","VaultName":"kv-prod",
           "ObjectType":"Secret","ObjectName":"db-password","Version":"0123456789abcdef0123456789abcdef","NBF":null,"EXP":null},
         "dataVersion":"1","metadataVersion":"1"}
        """;

    private static string ValidationEvent(string code) => $$"""
        [{"id":"v1","topic":"/subscriptions/0000/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/kv-prod","subject":"",
          "data":{"validationCode":"{{code}}","validationUrl":"https://rp-westeurope.eventgrid.azure.net/validate"},
          "eventType":"Microsoft.EventGrid.SubscriptionValidationEvent","eventTime":"2026-11-30T09:00:00Z","dataVersion":"2","metadataVersion":"1"}]
        """;

    private TestHttpRequest Request(
        string method,
        string url,
        string body,
        params (string Name, string Value)[] headers)
        =>
        new(new TestFunctionContext(_services), method, url, body, headers);
}
