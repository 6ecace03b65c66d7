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
