using System.Globalization;
using System.Net;
using System.Net.Sockets;
using OpenDownloads.Tests.TestData;

namespace OpenDownloads.Tests.Datacenters.Fetching;

/// <summary>
/// A feed server on 127.0.0.1 for fault tests: serves the real copies in shared/data/providers by file name,
/// with an ETag and a Last-Modified date, answers 304 to matching conditional requests, and injects one fault per
/// path when told to. It records every request it was sent.
/// </summary>
public sealed class FeedServer : IDisposable
{
    public static readonly DateTimeOffset LastModified = new(2026, 8, 22, 15, 17, 5, TimeSpan.Zero);

    private readonly HttpListener _listener = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Dictionary<string, FeedFault> _faults = new(StringComparer.Ordinal);
    private readonly Dictionary<string, byte[]> _bodies = new(StringComparer.Ordinal);
    private readonly List<Task> _responses = [];
    private readonly Task _loop;

    public FeedServer()
    {
        for (var attempt = 0; ; attempt++)
        {
            Port = FreePort();
            _listener.Prefixes.Clear();
            _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
            try
            {
                _listener.Start();
                break;
            }
            catch (HttpListenerException) when (attempt < 5)
            {
                // Another test took the port between probing and binding; try another.
            }
        }

        _loop = Task.Run(ServeAsync);
    }

    public int Port { get; }

    public Uri BaseUrl => new($"http://127.0.0.1:{Port}/");

    public List<FeedServerRequest> Requests { get; } = [];

    public void Inject(string fileName, FeedFault fault)
    {
        lock (_faults)
        {
            _faults["/" + fileName] = fault;
        }
    }

    /// <summary>Serves <paramref name="body"/> at <paramref name="path"/> instead of a shared copy.</summary>
    public Uri Serve(string path, byte[] body)
    {
        lock (_bodies)
        {
            _bodies[path] = body;
        }

        return new Uri(BaseUrl, path.TrimStart('/'));
    }

    public int CountRequests(string fileName)
    {
        lock (Requests)
        {
            return Requests.Count(request => request.Path == "/" + fileName);
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Close();
        try
        {
            _loop.Wait(TimeSpan.FromSeconds(5));
            Task.WaitAll([.. _responses], TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // The listener and cancelled delays throw once stopped; that is how the loops end.
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

            lock (_responses)
            {
                _responses.Add(Task.Run(() => RespondAsync(context)));
            }
        }
    }

    private async Task RespondAsync(HttpListenerContext context)
    {
        var request = context.Request;
        var path = request.Url!.AbsolutePath;
        lock (Requests)
        {
            Requests.Add(new FeedServerRequest(
                path, request.Headers["If-None-Match"], request.Headers["If-Modified-Since"], request.UserAgent));
        }

        var response = context.Response;
        try
        {
            FeedFault? fault;
            lock (_faults)
            {
                _faults.TryGetValue(path, out fault);
            }

            await (fault ?? FeedFault.None).ApplyAsync(this, context, Body(path), _stop.Token);
        }
        catch (Exception) when (_stop.IsCancellationRequested)
        {
            response.Abort();
        }
        catch (HttpListenerException)
        {
            // The client gave up (a timeout test); nothing to answer.
        }
    }

    private byte[]? Body(string path)
    {
        lock (_bodies)
        {
            if (_bodies.TryGetValue(path, out var body))
            {
                return body;
            }
        }

        var file = SharedData.Path("providers", Path.GetFileName(path));
        return path.Count(c => c == '/') == 1 && File.Exists(file) ? File.ReadAllBytes(file) : null;
    }

    internal static string ETagOf(byte[] body) =>
        "\"" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(body))[..16] + "\"";

    internal static string HttpDate(DateTimeOffset date) => date.ToString("r", CultureInfo.InvariantCulture);
}

/// <summary>One request the feed server was sent.</summary>
public sealed record FeedServerRequest(string Path, string? IfNoneMatch, string? IfModifiedSince, string? UserAgent);
