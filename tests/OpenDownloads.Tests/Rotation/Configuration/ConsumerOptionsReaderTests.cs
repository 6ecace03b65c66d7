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
}
