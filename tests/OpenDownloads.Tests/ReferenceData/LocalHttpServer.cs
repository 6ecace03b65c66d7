using System.Net;
using System.Net.Sockets;
using System.Text;

namespace OpenDownloads.Tests.ReferenceData;

/// <summary>
/// A tiny HTTP server on 127.0.0.1 that serves fixed bodies with an ETag, answers 304 to a matching
/// If-None-Match, and records what it was asked, so downloads can be tested without leaving the machine.
/// </summary>
internal sealed class LocalHttpServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Dictionary<string, string> _bodies = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public LocalHttpServer()
    {
        Port = FreePort();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    public int Port { get; }

    public List<(string Path, string? IfNoneMatch, int Status)> Requests { get; } = [];

    public Uri Serve(string path, string body)
    {
        lock (_bodies)
        {
            _bodies[path] = body;
        }

        return new Uri($"http://127.0.0.1:{Port}{path}");
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Close();
        try
        {
            _loop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // The listener throws once closed; that is how the loop ends.
        }

        _stop.Dispose();
    }

    private static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        var port = ((IPEndPoint)socket.LocalEndpoint).Port;
        socket.Stop();
        return port;
    }

    private async Task ServeAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
                return;
            }

            Respond(context);
        }
    }

    private void Respond(HttpListenerContext context)
    {
        var path = context.Request.Url!.AbsolutePath;
        var ifNoneMatch = context.Request.Headers["If-None-Match"];
        string? body;
        lock (_bodies)
        {
            _bodies.TryGetValue(path, out body);
        }

        var etag = body is null ? null : "\"" + body.Length + "-" + body.GetHashCode(StringComparison.Ordinal) + "\"";
        var status = body is null ? 404 : ifNoneMatch == etag ? 304 : 200;
        lock (Requests)
        {
            Requests.Add((path, ifNoneMatch, status));
        }

        context.Response.StatusCode = status;
        if (status == 200)
        {
            context.Response.Headers["ETag"] = etag;
            var bytes = Encoding.UTF8.GetBytes(body!);
            context.Response.OutputStream.Write(bytes);
        }

        context.Response.Close();
    }
}
