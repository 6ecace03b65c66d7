namespace OpenDownloads.Rotation.Arm;

/// <summary>Sends ARM requests; the live client goes through the Azure.Core pipeline.</summary>
internal interface IArmClient
{
    /// <summary>The configured ARM endpoint; a nextLink to any other host is refused.</summary>
    Uri Endpoint { get; }

    /// <summary>Sends <paramref name="call"/> and returns ARM's status and body.</summary>
    /// <exception cref="Azure.RequestFailedException">ARM answered an error, after any retries.</exception>
    /// <exception cref="HttpRequestException">ARM could not be reached (the message names the host).</exception>
    Task<ArmResponse> SendAsync(ArmCall call, CancellationToken cancellationToken);
}
