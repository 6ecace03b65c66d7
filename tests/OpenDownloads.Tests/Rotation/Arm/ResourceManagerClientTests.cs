using Azure;
using Microsoft.Extensions.Time.Testing;
using OpenDownloads.Rotation.Arm;
using OpenDownloads.Rotation.Configuration;
using OpenDownloads.Tests.Rotation.Support;

namespace OpenDownloads.Tests.Rotation.Arm;

/// <summary>The live ARM client against the loopback stand-in: token, retries, failures.</summary>
public sealed class ResourceManagerClientTests : IDisposable
{
    private static readonly ArmCall Restart = new("POST", "/subscriptions/0/resourceGroups/rg/providers/Microsoft.Web/sites/api/restart", "2024-04-01");
    private readonly LoopbackServer _arm = new(_ => CannedResponse.Ok());
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero));
    private readonly FakeTokenCredential _credential = new(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
    private readonly CapturingLoggerFactory _logs = new();

    public void Dispose()
    {
        _arm.Dispose();
        _logs.Dispose();
    }

    [Fact]
    public async Task SendAsync_TwoCalls_SendsTheInjectedTokenAndAsksForItOnce()
    {
        var sut = Create();

        await sut.SendAsync(Restart, CancellationToken.None);
        await sut.SendAsync(Restart, CancellationToken.None);

        Assert.All(_arm.Requests, request => Assert.Equal($"Bearer {FakeTokenCredential.Token}", request.Authorization));
        Assert.Equal(1, _credential.Requests);
        Assert.Equal([$"{_arm.Endpoint.GetLeftPart(UriPartial.Authority)}/.default"], _credential.Scopes);
        Assert.Equal("api-version=2024-04-01", _arm.Requests[0].Query);
    }

    [Fact]
    public async Task SendAsync_TokenNearExpiry_AsksForANewOne()
    {
        var sut = Create();

        await sut.SendAsync(Restart, CancellationToken.None);
        _time.Advance(TimeSpan.FromMinutes(56));
        await sut.SendAsync(Restart, CancellationToken.None);

        Assert.Equal(2, _credential.Requests);
    }

    [Theory]
    [InlineData(408)]
    [InlineData(429)]
    [InlineData(500)]
    [InlineData(501)]
    [InlineData(503)]
    public async Task SendAsync_TransientStatusThenSuccess_Retries(int status)
    {
        var sut = Create();
        var answered = 0;
        _arm.Respond = _ => Interlocked.Increment(ref answered) == 1 ? CannedResponse.Error(status, "Transient") : CannedResponse.Ok();

        await sut.SendAsync(Restart, CancellationToken.None);

        Assert.Equal(2, _arm.Requests.Count);
    }

    [Theory]
    [InlineData(400)]
    [InlineData(403)]
    [InlineData(404)]
    [InlineData(409)]
    public async Task SendAsync_ClientError_ThrowsWithoutRetrying(int status)
    {
        var sut = Create();
        _arm.Respond = _ => CannedResponse.Error(status, "NoRetry");

        var error = await Assert.ThrowsAsync<RequestFailedException>(() => sut.SendAsync(Restart, CancellationToken.None));

        Assert.Equal(status, error.Status);
        Assert.Single(_arm.Requests);
    }

    [Fact]
    public async Task SendAsync_500Forever_ThrowsAfterTheConfiguredRetries()
    {
        var sut = Create();
        _arm.Respond = _ => CannedResponse.Error(500, "InternalServerError");

        var error = await Assert.ThrowsAsync<RequestFailedException>(() => sut.SendAsync(Restart, CancellationToken.None));

        Assert.Equal(500, error.Status);
        Assert.Equal(3, _arm.Requests.Count);
        Assert.Equal("ARM answered 500 (InternalServerError) after the pipeline's retries", ArmFailures.Describe(error));
    }

    [Fact]
    public async Task SendAsync_TokenToPlainHttpOffLoopback_IsRefusedBeforeSending()
    {
        var settings = new ArmSettings { Endpoint = new Uri("http://management.invalid"), MaxRetries = 0 };
        var sut = ArmClientFactory.Create(settings, _credential, null, _time, _logs);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => sut.SendAsync(Restart, CancellationToken.None));

        Assert.Contains("plain http", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, _credential.Requests);
    }

    [Fact]
    public async Task SendAsync_Calls_NeverLogTheToken()
    {
        var sut = Create();
        _arm.Respond = _ => CannedResponse.Error(403, "AuthorizationFailed");

        await Assert.ThrowsAsync<RequestFailedException>(() => sut.SendAsync(Restart, CancellationToken.None));

        Assert.Contains(_logs.Entries, entry => entry.EventId == 5203);
        Assert.DoesNotContain(FakeTokenCredential.Token, _logs.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_NothingListening_SaysItCouldNotConnectToTheHost()
    {
        using var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        probe.Start();
        var port = ((System.Net.IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        var settings = new ArmSettings { Endpoint = new Uri($"http://127.0.0.1:{port}/"), MaxRetries = 1, RetryDelay = TimeSpan.FromMilliseconds(5) };
        var sut = ArmClientFactory.Create(settings, _credential, null, _time, _logs);

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => sut.SendAsync(Restart, CancellationToken.None));

        Assert.StartsWith($"Could not connect to 127.0.0.1:{port}: ", error.Message, StringComparison.Ordinal);
        Assert.Equal(error.Message, ArmFailures.Describe(error));
        Assert.True(ArmFailures.IsRetryableLater(error));
        Assert.DoesNotContain("status 0", _logs.AllText, StringComparison.Ordinal);
        Assert.Contains(_logs.Entries, entry => entry.EventId == 5204);
    }

    [Theory]
    [InlineData("the Functions app retries it like a 5xx", true, 3)]
    [InlineData("odl rotation simulate does not", false, 1)]
    public async Task SendAsync_ConnectionRefused_IsRetriedOnlyWhenConnectFailuresRetry(string reason, bool retry, int expected)
    {
        using var refusing = new RefusingHandler();
        var settings = new ArmSettings { Endpoint = new Uri("http://127.0.0.1:9/"), MaxRetries = 2, RetryDelay = TimeSpan.Zero, RetryConnectFailures = retry };
        var sut = ArmClientFactory.Create(settings, _credential, new Azure.Core.Pipeline.HttpClientTransport(refusing), _time, _logs);

        await Assert.ThrowsAsync<HttpRequestException>(() => sut.SendAsync(Restart, CancellationToken.None));

        Assert.True(refusing.Attempts == expected, $"{reason}: {refusing.Attempts} attempt(s)");
    }

    [Fact]
    public async Task SendAsync_ServerErrorWithConnectFailuresNotRetried_IsStillRetried()
    {
        _arm.Respond = _ => CannedResponse.Error(503, "ServiceUnavailable");
        var settings = new ArmSettings { Endpoint = _arm.Endpoint, MaxRetries = 2, RetryDelay = TimeSpan.FromMilliseconds(5), RetryConnectFailures = false };
        var sut = ArmClientFactory.Create(settings, _credential, null, _time, _logs);

        await Assert.ThrowsAsync<RequestFailedException>(() => sut.SendAsync(Restart, CancellationToken.None));

        Assert.Equal(3, _arm.Requests.Count);
    }

    private IArmClient Create() => ArmClientFactory.Create(
        new ArmSettings { Endpoint = _arm.Endpoint, MaxRetries = 2, RetryDelay = TimeSpan.FromMilliseconds(5), MaxRetryDelay = TimeSpan.FromMilliseconds(50) },
        _credential,
        null,
        _time,
        _logs);

    /// <summary>Fails every request the way SocketsHttpHandler does when nothing listens at the port.</summary>
    private sealed class RefusingHandler : HttpMessageHandler
    {
        public int Attempts { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Attempts++;
            throw new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused (127.0.0.1:9)");
        }
    }
}
