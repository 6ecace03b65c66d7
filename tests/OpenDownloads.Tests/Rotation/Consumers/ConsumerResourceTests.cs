using OpenDownloads.Rotation.Consumers;

namespace OpenDownloads.Tests.Rotation.Consumers;

public sealed class ConsumerResourceTests
{
    private const string Site = "/subscriptions/0000/resourceGroups/rg/providers/Microsoft.Web/sites/api";

    [Theory]
    [InlineData(Site, "AppService", null)]
    [InlineData(Site + "/slots/staging", "AppService", "staging")]
    [InlineData(Site + "/", "AppService", null)]
    [InlineData("/subscriptions/0000/resourceGroups/rg/providers/Microsoft.App/containerApps/worker", "ContainerApp", null)]
    public void TryParse_ArmId_ReadsKindAndSlot(string text, string kind, string? slot)
    {
        Assert.True(ConsumerResource.TryParse(text, out var sut));

        Assert.Equal(Enum.Parse<ConsumerKind>(kind), sut.Kind);
        Assert.Equal(slot, sut.Slot);
    }

    [Theory]
    [InlineData("api")]
    [InlineData("/subscriptions/0000/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/x")]
    [InlineData("/subscriptions/0000/resourceGroups/rg/providers/Microsoft.App/containerApps/worker/slots/x")]
    [InlineData("/subscriptions/0000/resourceGroups/../providers/Microsoft.Web/sites/api")]
    [InlineData("/subscriptions/../resourceGroups/rg/providers/Microsoft.Web/sites/api")]
    [InlineData("/subscriptions/0000/resourceGroups/rg?x=1#/providers/Microsoft.Web/sites/api")]
    public void TryParse_NotASiteOrContainerApp_ReturnsFalse(string text)
    {
        Assert.False(ConsumerResource.TryParse(text, out _));
    }

    [Fact]
    public void SameTarget_ProductionSlotSpelledOutOrOmitted_IsTheSame()
    {
        var sut = Parse(Site);
        var other = Parse(Site.ToUpperInvariant() + "/slots/production");

        Assert.True(sut.SameTarget(other));
    }

    [Fact]
    public void SameTarget_AnotherSlot_IsNotTheSame()
    {
        var sut = Parse(Site);
        var staging = Parse(Site + "/slots/staging");

        Assert.False(sut.SameTarget(staging));
    }

    [Fact]
    public void Path_SegmentsWithReservedCharacters_AreEscaped()
    {
        var sut = Parse(Site) with { Slot = "a?b#c/d" };

        Assert.Equal(Site + "/slots/a%3Fb%23c%2Fd", sut.Path);
    }

    private static ConsumerResource Parse(string text) =>
        ConsumerResource.TryParse(text, out var resource) ? resource : throw new FormatException($"'{text}' did not parse.");
}
