using System.Net;
using System.Net.Sockets;
using System.Text;

namespace OpenDownloads.Tests.Rotation.Support;

/// <summary>
/// An HTTP server on 127.0.0.1 that records every request and answers through <see cref="Respond"/>: the ARM
/// stand-in and the alert webhook of the tests. Nothing a test runs talks to any other host.
/// </summary>
internal sealed class LoopbackServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly List<RecordedRequest> _requests = [];
    private readonly Lock _gate = new();
    private readonly Task _loop;

    public LoopbackServer(Func<RecordedRequest, CannedResponse>? respond = null)
    {
        Respond = respond ?? (_ => CannedResponse.Ok());
        var port = FreePort();
        Endpoint = new Uri($"http://127.0.0.1:{port}/");
        _listener.Prefixes.Add(Endpoint.ToString());
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    public Uri Endpoint { get; }

    public Func<RecordedRequest, CannedResponse> Respond { get; set; }

    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (_gate)
            {
                return [.. _requests];
            }
        }
    }

    public void Dispose()
    {
        _listener.Close();
        _loop.Wait(TimeSpan.FromSeconds(5));
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception error) when (error is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            // Each request is answered on its own task, so concurrent clients overlap here as they would at ARM.
            _ = Task.Run(() => AnswerAsync(context));
        }
    }

    private async Task AnswerAsync(HttpListenerContext context)
    {
        using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
        var request = new RecordedRequest(
            context.Request.HttpMethod,
            context.Request.Url!.AbsolutePath,
            context.Request.Url.Query.TrimStart('?'),
            context.Request.Headers["Authorization"],
            await reader.ReadToEndAsync(),
            DateTimeOffset.UtcNow);
        lock (_gate)
        {
            _requests.Add(request);
        }

        var canned = Respond(request);
        context.Response.StatusCode = canned.Status;
        context.Response.ContentType = "application/json";
        foreach (var (name, value) in canned.Headers)
        {
            context.Response.Headers[name] = value;
        }

        var bytes = Encoding.UTF8.GetBytes(canned.Body);
        try
        {
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
        catch (Exception error) when (error is HttpListenerException or ObjectDisposedException)
        {
            // The client gave up (a test ended); nothing is waiting for this answer.
        }
    }
}
