namespace OpenDownloads.Rotation.Arm;

/// <summary>Sends ARM requests; the live client goes through the Azure.Core pipeline.</summary>
internal interface IArmClient
{
    /// <summary>Sends <paramref name="call"/> and returns the response body (empty when none).</summary>
    /// <exception cref="Azure.RequestFailedException">ARM answered an error, after any retries.</exception>
    Task<BinaryData> SendAsync(ArmCall call, CancellationToken cancellationToken);
}
