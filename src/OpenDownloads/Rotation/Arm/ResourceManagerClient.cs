using System.Diagnostics;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Identity;
using Microsoft.Extensions.Logging;

namespace OpenDownloads.Rotation.Arm;

/// <summary>
/// Calls ARM through an Azure.Core <see cref="HttpPipeline"/>: the token policy, retries on 408/429/5xx that
/// honour Retry-After, and a <see cref="RequestFailedException"/> for an error that outlasts them.
/// </summary>
internal sealed class ResourceManagerClient(HttpPipeline pipeline, Uri endpoint, ILogger<ResourceManagerClient> logger)
    : IArmClient
{
    public Uri Endpoint => endpoint;

    public async Task<ArmResponse> SendAsync(ArmCall call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        using var message = pipeline.CreateMessage();
        var request = message.Request;
        request.Method = RequestMethod.Parse(call.Method);
        request.Uri.Reset(call.ToUri(endpoint));
        request.Headers.Add(HttpHeader.Names.Accept, "application/json");
        if (call.Body is not null)
        {
            request.Headers.Add(HttpHeader.Names.ContentType, "application/json");
            request.Content = RequestContent.Create(BinaryData.FromString(call.Body));
        }

        Log.ArmCallStarting(logger, call.Method, call.Path, call.ApiVersion);
        var started = Stopwatch.GetTimestamp();
        try
        {
            await pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        }
        catch (AuthenticationFailedException error)
        {
            throw new InvalidOperationException("Could not get a token for ARM: "
                + $"{PrintableText.Of(error.Message.Split('\n')[0])}", error);
        }
        catch (Exception error) when (ArmConnectionFailure.Is(error, cancellationToken))
        {
            var failedMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            var unreachable = ArmConnectionFailure.Describe(endpoint, error);
            Log.ArmCallUnreachable(logger, call.Method, call.Path, unreachable.Message, failedMs);
            throw unreachable;
        }

        var response = message.Response;
        var elapsedMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        if (response.IsError)
        {
            var failure = new RequestFailedException(response);
            Log.ArmCallFailed(logger, call.Method, call.Path, response.Status, elapsedMs, null);
            throw failure;
        }

        Log.ArmCallSucceeded(logger, call.Method, call.Path, response.Status, elapsedMs);
        return new ArmResponse(response.Status, response.Content);
    }
}
