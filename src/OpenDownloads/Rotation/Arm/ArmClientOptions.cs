using Azure.Core;
using Azure.Core.Pipeline;
using OpenDownloads.Rotation.Configuration;

namespace OpenDownloads.Rotation.Arm;

/// <summary>Azure.Core client options for ARM: exponential retries from <see cref="ArmSettings"/>.</summary>
internal sealed class ArmClientOptions : ClientOptions
{
    public ArmClientOptions(ArmSettings settings, HttpPipelineTransport? transport)
    {
        ArgumentNullException.ThrowIfNull(settings);
        Retry.Mode = RetryMode.Exponential;
        Retry.MaxRetries = settings.MaxRetries;
        Retry.Delay = settings.RetryDelay;
        Retry.MaxDelay = settings.MaxRetryDelay;
        Retry.NetworkTimeout = settings.NetworkTimeout;
        if (!settings.RetryConnectFailures)
        {
            RetryPolicy = new ConnectFailFastRetryPolicy(
                settings.MaxRetries,
                DelayStrategy.CreateExponentialDelayStrategy(settings.RetryDelay, settings.MaxRetryDelay));
        }

        Diagnostics.ApplicationId = "odl-rotation";
        Diagnostics.IsLoggingContentEnabled = false;
        if (transport is not null)
        {
            Transport = transport;
        }
    }
}
