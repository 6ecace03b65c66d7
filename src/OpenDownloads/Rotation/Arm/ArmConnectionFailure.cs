using System.Net.Sockets;
using Azure;

namespace OpenDownloads.Rotation.Arm;

/// <summary>
/// Turns what the pipeline throws when ARM cannot be reached (after its retries: an AggregateException of
/// status-0 RequestFailedExceptions, a socket error, a network timeout) into one HttpRequestException whose
/// message says "Could not connect to {host}: {reason}" instead of a status 0.
/// </summary>
internal static class ArmConnectionFailure
{
    /// <summary>True for a failure to reach ARM; false for a cancellation the caller asked for.</summary>
    public static bool Is(Exception error, CancellationToken cancellationToken) => error switch
    {
        OperationCanceledException => !cancellationToken.IsCancellationRequested,
        AggregateException aggregate => aggregate.InnerExceptions.All(inner => Is(inner, cancellationToken)),
        RequestFailedException failed => failed.Status == 0,
        HttpRequestException or IOException or SocketException => true,
        _ => false,
    };

    public static HttpRequestException Describe(Uri endpoint, Exception error)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(error);
        var host = endpoint.IsDefaultPort ? endpoint.Host : $"{endpoint.Host}:{endpoint.Port}";
        return new HttpRequestException($"Could not connect to {host}: {Reason(error)}", error);
    }

    private static string Reason(Exception error)
    {
        var last = error is AggregateException { InnerExceptions.Count: > 0 } aggregate
            ? aggregate.InnerExceptions[^1]
            : error;
        if (last is OperationCanceledException)
        {
            return "no answer within Rotation:Arm:NetworkTimeout";
        }

        while (last.InnerException is not null)
        {
            last = last.InnerException;
        }

        return PrintableText.Of(last.Message);
    }
}
