using Azure.Core;

namespace OpenDownloads.Rotation.Arm;

/// <summary>
/// Retries 408, 429 and every 5xx (Azure.Core's default leaves out 501 and 505); errors are 4xx and 5xx.
/// </summary>
internal sealed class ArmResponseClassifier : ResponseClassifier
{
    public override bool IsRetriableResponse(HttpMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return ArmFailures.IsTransientStatus(message.Response.Status);
    }
}
