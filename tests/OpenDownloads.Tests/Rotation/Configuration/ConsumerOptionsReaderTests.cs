using OpenDownloads.Rotation.Configuration;
using OpenDownloads.Tests.Rotation.Support;

namespace OpenDownloads.Tests.Rotation.Configuration;

public sealed class ConsumerOptionsReaderTests
{
    [Theory]
    [InlineData("dot segments reach another site", "../../victim")]
    [InlineData("a query and fragment", "x/restart?softRestart=false#")]
    [InlineData("the production slot is the site itself", "production")]
    [InlineData("production in capitals", "Production")]
    [InlineData("a space", "my slot")]
    [InlineData("a percent-escape", "%2e%2e")]
    [InlineData("a newline", "staging\nforged")]
    public void Read_SlotIsNotASlotName_ReportsIt(string reason, string slot)
    {
        var consumer = TestConsumers.Site("api", "Restart", ("kv-prod", "db", "Exact"));
        consumer.Slot = slot;
        var problems = new List<string>();

        var sut = ConsumerOptionsReader.Read(problems, [consumer]);

        Assert.True(sut.Count == 0, reason);
        var problem = Assert.Single(problems);
        Assert.Contains("Rotation:Consumers:0:Slot", problem, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', problem);
    }

    [Fact]
    public void Read_NamesDifferingOnlyByCase_ReportsTheDuplicateNamingBoth()
    {
        var first = TestConsumers.Site("feed-api", "Restart", ("kv-prod", "db", "Exact"));
        var second = TestConsumers.Site("other", "Restart", ("kv-prod", "db", "Exact"));
        second.Name = "Feed-API";
        var problems = new List<string>();

        var sut = ConsumerOptionsReader.Read(problems, [first, second]);

        Assert.Single(sut);
        var problem = Assert.Single(problems);
        Assert.Contains("Rotation:Consumers:1:Name 'Feed-API' is the same name as Rotation:Consumers:0:Name 'feed-api'", problem, StringComparison.Ordinal);
        Assert.Contains("ignoring case", problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("NewRevision", "Sites", "an App Service site or slot")]
    [InlineData("RefreshReferences", "Apps", "a container app")]
    public void Read_ActionOfTheOtherKind_NamesTheKindInPlainWords(string action, string kind, string expected)
    {
        var consumer = TestConsumers.Site("api", action, ("kv-prod", "db", "Exact"));
        consumer.ResourceId = (kind == "Sites" ? TestConsumers.Sites : TestConsumers.Apps) + "api";
        var problems = new List<string>();

        ConsumerOptionsReader.Read(problems, [consumer]);

        Assert.Contains($"does not apply to {expected};", Assert.Single(problems), StringComparison.Ordinal);
    }

    [Fact]
    public void Read_ResourceIdOfTheProductionSlot_ReportsIt()
    {
        var consumer = TestConsumers.Site("api", "Restart", ("kv-prod", "db", "Exact"));
        consumer.ResourceId += "/slots/production";
        var problems = new List<string>();

        ConsumerOptionsReader.Read(problems, [consumer]);

        Assert.Contains("names slot 'production'", Assert.Single(problems), StringComparison.Ordinal);
    }

    [Fact]
    public void Read_SlotName_AddressesTheSlot()
    {
        var consumer = TestConsumers.Site("api", "Restart", ("kv-prod", "db", "Exact"));
        consumer.Slot = "staging-2";
        var problems = new List<string>();

        var sut = Assert.Single(ConsumerOptionsReader.Read(problems, [consumer]));

        Assert.Empty(problems);
        Assert.Equal(TestConsumers.Sites + "api/slots/staging-2", sut.Resource.Path);
    }

    [Theory]
    [InlineData("the same site, the id in other casing", "", "")]
    [InlineData("the same slot, given as Slot in other casing", "staging", "STAGING")]
    public void Read_TwoConsumersNamingOneApp_ReportsItNamingBoth(string reason, string firstSlot, string secondSlot)
    {
        var first = TestConsumers.Site("feed-api", "Restart", ("kv-prod", "db", "Exact"));
        var second = TestConsumers.Site("feed-api-keys", "Restart", ("kv-prod", "key", "Exact"));
        second.ResourceId = first.ResourceId!.ToUpperInvariant();
        (first.Slot, second.Slot) = (firstSlot, secondSlot);
        var problems = new List<string>();

        ConsumerOptionsReader.Read(problems, [first, second]);

        var problem = Assert.Single(problems);
        Assert.True(problem.StartsWith("Rotation:Consumers:1 ('feed-api-keys') names the same app as "
            + "Rotation:Consumers:0 ('feed-api')", StringComparison.Ordinal), $"{reason}: {problem}");
    }

    [Fact]
    public void Read_SameSiteDifferentSlots_IsNotTheSameApp()
    {
        var first = TestConsumers.Site("feed-api", "Restart", ("kv-prod", "db", "Exact"));
        var second = TestConsumers.Site("feed-api-staging", "Restart", ("kv-prod", "db", "Exact"));
        second.ResourceId = first.ResourceId;
        second.Slot = "staging";
        var problems = new List<string>();

        var sut = ConsumerOptionsReader.Read(problems, [first, second]);

        Assert.Empty(problems);
        Assert.Equal(2, sut.Count);
    }

    [Fact]
    public void Read_ContainerAppWithRefusedResourceId_ReportsOnlyTheResourceId()
    {
        var consumer = TestConsumers.ContainerApp("transcoder", "NewRevision", "kv-prod", "db");
        consumer.ResourceId = "/subscriptions/0000/providers/Microsoft.App/containerApps/transcoder";
        var problems = new List<string>();

        ConsumerOptionsReader.Read(problems, [consumer]);

        var problem = Assert.Single(problems);
        Assert.StartsWith("Rotation:Consumers:0:ResourceId", problem, StringComparison.Ordinal);
    }
}
