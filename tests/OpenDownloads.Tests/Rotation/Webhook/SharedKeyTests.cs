using OpenDownloads.Rotation.Webhook;

namespace OpenDownloads.Tests.Rotation.Webhook;

public sealed class SharedKeyTests
{
    [Theory]
    [InlineData("the same key", "k3y-Value", "k3y-Value", true)]
    [InlineData("another key of the same length", "k3y-Valuf", "k3y-Value", false)]
    [InlineData("a prefix of the key", "k3y", "k3y-Value", false)]
    [InlineData("case differs", "K3Y-VALUE", "k3y-Value", false)]
    [InlineData("nothing supplied", null, "k3y-Value", false)]
    [InlineData("nothing configured", "k3y-Value", null, false)]
    public void Matches_SuppliedKey_AcceptsOnlyTheConfiguredOne(
        string reason,
        string? supplied,
        string? expected,
        bool result)
    {
        Assert.True(result == SharedKey.Matches(supplied, expected), reason);
    }
}
