using OpenDownloads.Rotation.Actions;
using OpenDownloads.Rotation.Arm;
using OpenDownloads.Rotation.Consumers;
using OpenDownloads.Rotation.Events;
using OpenDownloads.Tests.Rotation.Support;

namespace OpenDownloads.Tests.Rotation.Arm;

/// <summary>nextLink pages of revisions and configuration references: followed on ARM's host only, and capped.</summary>
public sealed class ArmPagesTests
{
    private const string Arm = "https://management.azure.com";
    private static readonly SecretChange Change = new(SecretStore.Vault("kv-prod"), "db", "", "v2");

    [Fact]
    public async Task ApplyAsync_RevisionsOnTwoPages_RestartsTheActiveOneOnEachPage()
    {
        var app = Consumer(TestConsumers.Apps + "worker", ConsumerAction.Restart);
        var list = $"{app.Resource.Path}/revisions";
        var arm = new StubArmClient(call => call switch
        {
            { Method: "GET", Query.Count: 0 } when call.Path == list => Page(Revision("worker--r1"), $"{Arm}{list}?api-version=2024-03-01&$skiptoken=p2"),
            { Method: "GET" } when call.Path == list => Page(Revision("worker--r2"), null),
            _ => BinaryData.FromString("{}"),
        });
        var sut = new ContainerAppOperator(arm, TimeProvider.System);

        await sut.ApplyAsync(app, ConsumerAction.Restart, default);

        Assert.Equal(
            [$"{list}/worker--r1/restart", $"{list}/worker--r2/restart"],
            arm.Calls.Where(call => call.Method == "POST").Select(call => call.Path));
    }

    [Fact]
    public async Task CheckAsync_ReferenceOnTheSecondPage_IsRead()
    {
        var site = Consumer(TestConsumers.Sites + "api", ConsumerAction.RefreshReferences);
        var list = $"{site.Resource.Path}/config/configreferences/appsettings";
        var arm = new StubArmClient(call => call.Query.Count == 0
            ? Page("""{"name":"Other","properties":{"vaultName":"kv-prod","secretName":"other","status":"Resolved"}}""", $"{Arm}{list}?api-version=2022-03-01&$skiptoken=p2")
            : Page("""{"name":"Db","properties":{"vaultName":"kv-prod","secretName":"db","activeVersion":"v2","status":"Resolved"}}""", null));
        var sut = new AppServiceOperator(arm);

        var check = await sut.CheckAsync(site, new AppliedAction(ConsumerAction.RefreshReferences), [Change], default);

        Assert.True(check.Freshness == Freshness.Fresh, check.Reason);
        Assert.Equal([new KeyValuePair<string, string>("$skiptoken", "p2")], arm.Calls[1].Query);
        Assert.Equal("2022-03-01", arm.Calls[1].ApiVersion);
    }

    [Theory]
    [InlineData("another host", "https://evil.example.org/subscriptions/0/x?api-version=1")]
    [InlineData("plain http on ARM's host", "http://management.azure.com/subscriptions/0/x?api-version=1")]
    [InlineData("another port", "https://management.azure.com:8443/subscriptions/0/x?api-version=1")]
    public async Task ReadAllAsync_NextLinkOffTheArmHost_IsRefusedAndNotFollowed(string reason, string nextLink)
    {
        var arm = new StubArmClient(_ => Page(Revision("r1"), nextLink));
        var first = new ArmCall("GET", "/subscriptions/0/x", "2024-03-01");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => ArmPages.ReadAllAsync(arm, first, "revisions", default));

        Assert.True(arm.Calls.Count == 1, reason);
        Assert.Contains("not the configured ARM endpoint https://management.azure.com:443", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("S3cret", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("on ARM's own host", "https://evil:S3cret@management.azure.com/subscriptions/0/x")]
    [InlineData("a user name alone", "https://S3cret@management.azure.com/subscriptions/0/x")]
    public async Task ReadAllAsync_NextLinkWithUserInfo_SaysSoWithoutEchoingIt(string reason, string nextLink)
    {
        var arm = new StubArmClient(_ => Page(Revision("r1"), nextLink));
        var first = new ArmCall("GET", "/subscriptions/0/x", "2024-03-01");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => ArmPages.ReadAllAsync(arm, first, "revisions", default));

        Assert.True(arm.Calls.Count == 1, reason);
        Assert.StartsWith("ARM's nextLink for the revisions list carries user info", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("not the configured ARM endpoint", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("S3cret", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAllAsync_NextLinkThatLoops_StopsAtThePageCap()
    {
        var arm = new StubArmClient(_ => Page(Revision("r1"), $"{Arm}/subscriptions/0/x?api-version=2024-03-01&$skiptoken=again"));
        var first = new ArmCall("GET", "/subscriptions/0/x", "2024-03-01");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => ArmPages.ReadAllAsync(arm, first, "revisions", default, maxPages: 5));

        Assert.Equal(5, arm.Calls.Count);
        Assert.Contains("after 5 pages", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAllAsync_DefaultCap_Is50Pages()
    {
        var arm = new StubArmClient(_ => Page(Revision("r1"), $"{Arm}/subscriptions/0/x?$skiptoken=again"));

        await Assert.ThrowsAsync<InvalidOperationException>(() => ArmPages.ReadAllAsync(arm, new ArmCall("GET", "/subscriptions/0/x", "1"), "revisions", default));

        Assert.Equal(ArmPages.DefaultMaxPages, arm.Calls.Count);
        Assert.Equal(50, ArmPages.DefaultMaxPages);
    }

    [Fact]
    public void NextPage_EscapedSkipToken_RoundTripsToTheSameUri()
    {
        var endpoint = new Uri($"{Arm}/");
        const string next = $"{Arm}/subscriptions/0/x?api-version=2024-03-01&$skiptoken=a%2Bb%3D%3D";

        var sut = ArmPages.NextPage(next, endpoint, "1999-01-01", "revisions");

        Assert.Equal(next, sut.ToUri(endpoint).AbsoluteUri);
    }

    private static Consumer Consumer(string resourceId, ConsumerAction action)
    {
        Assert.True(ConsumerResource.TryParse(resourceId, out var resource));
        return new Consumer("c", resource, action, true, []);
    }

    private static string Revision(string name) =>
        "{\"name\":\"" + name + "\",\"properties\":{\"active\":true,\"runningState\":\"Running\",\"provisioningState\":\"Provisioned\"}}";

    private static BinaryData Page(string item, string? nextLink) => BinaryData.FromString(nextLink is null
        ? "{\"value\":[" + item + "]}"
        : "{\"value\":[" + item + "],\"nextLink\":\"" + nextLink + "\"}");
}
