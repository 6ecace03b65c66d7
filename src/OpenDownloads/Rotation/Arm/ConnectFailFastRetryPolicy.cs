using Azure.Core;
using Azure.Core.Pipeline;

namespace OpenDownloads.Rotation.Arm;

/// <summary>
/// The pipeline's retries, except that a connection that could not be made (refused, no route, unknown host) is
/// not tried again. For odl rotation simulate: a stand-in that is not running would otherwise cost each consumer
/// the whole retry ladder (about 30 seconds by default) before the run says so. 408, 429 and 5xx still retry.
/// </summary>
internal sealed class ConnectFailFastRetryPolicy(int maxRetries, DelayStrategy delay) : RetryPolicy(maxRetries, delay)
{
    protected override bool ShouldRetry(HttpMessage message, Exception? exception) =>
        !IsConnectFailure(exception) && base.ShouldRetry(message, exception);

    protected override ValueTask<bool> ShouldRetryAsync(HttpMessage message, Exception? exception) =>
        IsConnectFailure(exception) ? ValueTask.FromResult(false) : base.ShouldRetryAsync(message, exception);

    public static bool IsConnectFailure(Exception? exception)
    {
        for (var error = exception; error is not null; error = error.InnerException)
        {
            if (error is HttpRequestException
                {
                    HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError,
                })
            {
                return true;
            }
        }

        return false;
    }
}
