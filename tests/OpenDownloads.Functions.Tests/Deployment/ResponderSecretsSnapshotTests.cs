using System.Text.Json.Nodes;

namespace OpenDownloads.Functions.Tests.Deployment;

/// <summary>
/// App settings are replaced whole on every deployment, so a redeploy that does not pass the responder's secure
/// parameters again must still reference the secrets an earlier deployment wrote, when the flags say they exist.
/// </summary>
public sealed class ResponderSecretsSnapshotTests
{
    public static TheoryData<string, string, string> Secrets => new()
    {
        // app setting, the flag saying the secret is in the vault, the secret
        { "Rotation__AlertWebhook", "alertWebhookInVault", "odl-rotation-alert-webhook" },
        { "Rotation__WebhookKey", "webhookKeyInVault", "odl-rotation-webhook-key" },
    };

    [Theory]
    [MemberData(nameof(Secrets))]
    public void Snapshot_SecretInVaultNotPassedAgain_IsStillReferencedAndReadable(
        string setting,
        string flag,
        string secret)
    {
        var sut = DeploymentSnapshot.Of($"param {flag} = true");

        var value = sut.AppSettings("rotation")[setting];
        Assert.StartsWith("[format('@Microsoft.KeyVault(SecretUri=", value, StringComparison.Ordinal);
        Assert.Contains($"'{secret}')]", value, StringComparison.Ordinal);
        Assert.Single(sut.OfType("Microsoft.Authorization/roleAssignments"),
            r => ((string)r["id"]!).Contains($"/secrets/{secret}'", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Rotation__AlertWebhook", "odl-rotation-alert-webhook")]
    [InlineData("Rotation__WebhookKey", "odl-rotation-webhook-key")]
    public void Snapshot_NoSecretAndNoFlag_LeavesTheSettingEmptyAndGrantsNothing(string setting, string secret)
    {
        var sut = DeploymentSnapshot.Defaults;

        Assert.Equal(string.Empty, sut.AppSettings("rotation")[setting]);
        Assert.DoesNotContain(sut.OfType("Microsoft.Authorization/roleAssignments"),
            r => ((string)r["id"]!).Contains($"/secrets/{secret}'", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("rotationWebhookKey", "${ODL_ROTATION_WEBHOOK_KEY=}")]
    [InlineData("alertWebhookUrl", "${ODL_ALERT_WEBHOOK_URL=}")]
    [InlineData("alertWebhookInVault", "${ODL_ALERT_WEBHOOK_IN_VAULT=false}")]
    [InlineData("webhookKeyInVault", "${ODL_WEBHOOK_KEY_IN_VAULT=false}")]
    public void AzdParameters_ResponderSecretParameter_IsMappedFromTheEnvironment(string parameter, string value)
    {
        var path = Path.Combine(FunctionsBuildOutput.RepositoryRoot, "infra", "main.parameters.json");
        var sut = JsonNode.Parse(File.ReadAllText(path))!["parameters"]!;

        Assert.Equal(value, (string?)sut[parameter]?["value"]);
    }
}
