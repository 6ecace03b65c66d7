using OpenDownloads.Rotation.Actions;
using OpenDownloads.Rotation.Consumers;
using OpenDownloads.Tests.Rotation.Support;

namespace OpenDownloads.Tests.Rotation.Actions;

public sealed class ContainerAppCallsTests
{
    [Theory]
    [InlineData("dot segments", "../../../sites/victim")]
    [InlineData("a query", "r1?x=1")]
    [InlineData("empty", "")]
    public void RestartRevision_NameFromArmIsNotARevisionName_Throws(string reason, string revision)
    {
        Assert.True(ConsumerResource.TryParse(TestConsumers.Apps + "worker", out var app), reason);

        Assert.Throws<InvalidOperationException>(() => ContainerAppCalls.RestartRevision(app, revision));
    }

    [Fact]
    public void RestartRevision_RevisionName_IsTheLastSegmentButOne()
    {
        Assert.True(ConsumerResource.TryParse(TestConsumers.Apps + "worker", out var app));

        var sut = ContainerAppCalls.RestartRevision(app, "worker--abc123");

        Assert.Equal(TestConsumers.Apps + "worker/revisions/worker--abc123/restart", sut.Path);
    }
}
