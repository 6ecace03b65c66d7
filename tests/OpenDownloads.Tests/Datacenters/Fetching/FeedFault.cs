using System.Net;

namespace OpenDownloads.Tests.Datacenters.Fetching;

/// <summary>What the feed server does wrong for one path: each failure the rebuild must survive.</summary>
public abstract record FeedFault
{
    public static readonly FeedFault None = new Serve();

    public abstract Task ApplyAsync(
        FeedServer server,
        HttpListenerContext context,
        byte[]? body,
        CancellationToken stopping);

    protected static async Task WriteAsync(
        HttpListenerResponse response,
        int status,
        byte[] body,
        CancellationToken stopping)
    {
        response.StatusCode = status;
        response.ContentLength64 = body.Length;
        await response.OutputStream.WriteAsync(body, stopping);
        response.Close();
    }

    /// <summary>Serves the body with validators, or 304 when the request's validators match.</summary>
    public sealed record Serve : FeedFault
    {
        public override async Task ApplyAsync(
            FeedServer server,
            HttpListenerContext context,
            byte[]? body,
            CancellationToken stopping)
        {
            var response = context.Response;
            if (body is null)
            {
                await WriteAsync(response, 404, "not found"u8.ToArray(), stopping);
                return;
            }

            var etag = FeedServer.ETagOf(body);
            response.Headers["ETag"] = etag;
            response.Headers["Last-Modified"] = FeedServer.HttpDate(FeedServer.LastModified);
            var ifNoneMatch = context.Request.Headers["If-None-Match"];
            var ifModifiedSince = context.Request.Headers["If-Modified-Since"];
            var unchangedSince = ifModifiedSince == FeedServer.HttpDate(FeedServer.LastModified);
            if (ifNoneMatch == etag || (ifNoneMatch is null && unchangedSince))
            {
                response.StatusCode = 304;
                response.Close();
                return;
            }

            await WriteAsync(response, 200, body, stopping);
        }
    }

    /// <summary>
    /// Answers with an error status the first <paramref name="Times"/> requests, then serves normally.
    /// </summary>
    public sealed record Status(int Code, int Times = int.MaxValue) : FeedFault
    {
        private int _answered;

        public override async Task ApplyAsync(
            FeedServer server,
            HttpListenerContext context,
            byte[]? body,
            CancellationToken stopping)
        {
            if (Interlocked.Increment(ref _answered) <= Times)
            {
                await WriteAsync(context.Response, Code, "<html><body>error</body></html>"u8.ToArray(), stopping);
                return;
            }

            await None.ApplyAsync(server, context, body, stopping);
        }
    }

    /// <summary>Holds the answer back longer than any client waits.</summary>
    public sealed record Hang(TimeSpan For) : FeedFault
    {
        public override async Task ApplyAsync(
            FeedServer server,
            HttpListenerContext context,
            byte[]? body,
            CancellationToken stopping)
        {
            await Task.Delay(For, stopping);
            await None.ApplyAsync(server, context, body, stopping);
        }
    }

    /// <summary>Serves a fixed body with 200, such as an HTML page or nothing at all.</summary>
    public sealed record Replace(byte[] Body) : FeedFault
    {
        public override Task ApplyAsync(
            FeedServer server,
            HttpListenerContext context,
            byte[]? body,
            CancellationToken stopping) =>
            WriteAsync(context.Response, 200, Body, stopping);
    }

    /// <summary>
    /// Sends the first half of the body. Announcing the full length and then closing the connection is a cut the
    /// client can see; chunked, the half looks complete and only the parser can tell.
    /// </summary>
    public sealed record Truncate(bool AnnounceLength) : FeedFault
    {
        public override async Task ApplyAsync(
            FeedServer server,
            HttpListenerContext context,
            byte[]? body,
            CancellationToken stopping)
        {
            var response = context.Response;
            body ??= [];
            response.StatusCode = 200;
            if (AnnounceLength)
            {
                response.ContentLength64 = body.Length;
            }
            else
            {
                response.SendChunked = true;
            }

            await response.OutputStream.WriteAsync(body.AsMemory(0, body.Length / 2), stopping);
            await response.OutputStream.FlushAsync(stopping);
            if (AnnounceLength)
            {
                response.Abort();
                return;
            }

            response.Close();
        }
    }
}
