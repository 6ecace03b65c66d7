using OpenDownloads.Rotation.Actions;

namespace OpenDownloads.Tests.Rotation.Actions;

public sealed class RevisionStatusTests
{
    [Theory]
    [InlineData("running and provisioned", "Running", "Provisioned", "Fresh")]
    [InlineData("at its scale limit", "RunningAtMaxScale", "Provisioned", "Fresh")]
    [InlineData("still provisioning", "Processing", "Provisioning", "Pending")]
    [InlineData("provisioning failed", "Processing", "Failed", "Stale")]
    [InlineData("degraded", "Degraded", "Provisioned", "Stale")]
    public void Check_States_GiveFreshness(string reason, string running, string provisioning, string expected)
    {
        var sut = new RevisionStatus("app--r1", true, running, provisioning);

        Assert.True(Enum.Parse<Freshness>(expected) == sut.Check().Freshness, reason);
    }
}
