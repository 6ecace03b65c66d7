using System.Net;
using Microsoft.Extensions.Logging;
using OpenDownloads.Datacenters.Providers;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace OpenDownloads.Datacenters.Fetching;

/// <summary>
/// Fetches feeds over HTTP with a per-attempt timeout, retries with jittered exponential backoff on network
/// errors, timeouts, cut bodies and 408/429/5xx answers, conditional requests, and a user agent naming this
/// project. A feed's failure is returned in the response, never thrown.
/// </summary>
internal sealed class HttpFeedSource : IFeedSource
{
    /// <summary>The user agent sent with every request.</summary>
    public const string UserAgent = "OpenDownloads-for-Azure/1.0 (datacenter list rebuild)";

    private static readonly ResiliencePropertyKey<string> UrlKey = new("odl.feed.url");
    private static readonly ResiliencePropertyKey<string> ProviderKey = new("odl.feed.provider");

    private readonly HttpClient _http;
    private readonly DatacenterRebuildOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ResiliencePipeline _pipeline;

    public HttpFeedSource(HttpClient http, DatacenterRebuildOptions options, TimeProvider time, ILogger logger)
    {
        _http = http;
        _options = options;
        _time = time;
        _logger = logger;
        _pipeline = BuildPipeline();
    }

    public async Task<FeedResponse> FetchAsync(FeedRequest request, CancellationToken cancellationToken)
    {
        var started = _time.GetTimestamp();
        var response = new FeedResponse
        {
            Location = string.Empty,
            LocationSource = FeedLocationSource.Official,
            FetchedAt = _time.GetUtcNow(),
        };
        try
        {
            var (url, source) = await ResolveAsync(request, cancellationToken);
            response = response with { Location = url.AbsoluteUri, LocationSource = source };
            FeedFetchLog.FeedUrlChosen(_logger, request.Provider, url.AbsoluteUri, source);
            var fetched = await ExecuteAsync(url, request, response, cancellationToken);
            LogFetched(request, fetched, started);
            return fetched;
        }
        catch (Exception error) when (IsFeedFailure(error, cancellationToken))
        {
            var reason = Describe(error);
            FeedFetchLog.FeedFailed(
                _logger,
                response.Location,
                request.Provider,
                (long)_time.GetElapsedTime(started).TotalMilliseconds,
                reason);
            return response with { Error = reason, HttpStatus = (error as FeedHttpStatusException)?.Status };
        }
    }

    private static bool IsFeedFailure(Exception error, CancellationToken cancellationToken) =>
        error is HttpRequestException or IOException or TimeoutRejectedException or FeedHttpStatusException
            or FeedFormatException or UriFormatException
        || (error is OperationCanceledException && !cancellationToken.IsCancellationRequested);

    private static string Describe(Exception error) => error switch
    {
        TimeoutRejectedException timeout => $"timed out after {timeout.Timeout.TotalSeconds:0.###} s",
        FeedHttpStatusException status => $"HTTP {status.Status}",
        _ => error.Message,
    };

    private static async ValueTask<FeedResponse> SendAsync(
        HttpClient http,
        (Uri Url, FeedRequest Request, FeedResponse Response) context,
        ResilienceContext resilience)
    {
        var token = resilience.CancellationToken;
        using var message = new HttpRequestMessage(HttpMethod.Get, context.Url);
        message.Headers.TryAddWithoutValidation("User-Agent", UserAgent);
        if (context.Request.ETag is { } etag)
        {
            message.Headers.TryAddWithoutValidation("If-None-Match", etag);
        }

        message.Headers.IfModifiedSince = context.Request.LastModified;
        using var answer = await http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, token);
        var status = (int)answer.StatusCode;
        if (answer.StatusCode == HttpStatusCode.NotModified && context.Request.IsConditional)
        {
            return context.Response with { NotModified = true, HttpStatus = status, ETag = context.Request.ETag,
                LastModified = context.Request.LastModified };
        }

        if (!answer.IsSuccessStatusCode)
        {
            throw new FeedHttpStatusException(status);
        }

        var name = context.Request.Document.FileName;
        if (answer.Content.Headers.ContentLength > FeedSizeLimit.Bytes)
        {
            throw FeedSizeLimit.TooLarge(name);
        }

        await using var stream = await answer.Content.ReadAsStreamAsync(token);
        var body = await FeedSizeLimit.ReadAsync(stream, name, token);
        return context.Response with
        {
            Body = body,
            HttpStatus = status,
            ETag = answer.Headers.ETag?.ToString(),
            LastModified = answer.Content.Headers.LastModified,
        };
    }

    private async Task<FeedResponse> ExecuteAsync(
        Uri url,
        FeedRequest request,
        FeedResponse response,
        CancellationToken cancellationToken)
    {
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(UrlKey, url.AbsoluteUri);
        context.Properties.Set(ProviderKey, request.Provider);
        try
        {
            return await _pipeline.ExecuteAsync(
                static (context, state) => SendAsync(state.Http, (state.Url, state.Request, state.Response), context),
                context,
                (Http: _http, Url: url, Request: request, Response: response));
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private async Task<(Uri Url, string Source)> ResolveAsync(FeedRequest request, CancellationToken cancellationToken)
    {
        var document = request.Document;
        if (document is { Url: { } configured, Discovery: not null })
        {
            return (configured, FeedLocationSource.Configured);
        }

        if (_options.FeedBaseUrl is { } mirror && document.Mirrored)
        {
            return (new Uri(mirror, document.FileName), FeedLocationSource.Mirror);
        }

        if (document.Url is { } url)
        {
            return (url, FeedLocationSource.Official);
        }

        var discovery = document.Discovery
            ?? throw new InvalidOperationException(
                $"The feed '{document.FileName}' has neither a URL nor a discovery page.");
        var pageResponse = new FeedResponse
        {
            Location = discovery.Page.AbsoluteUri,
            LocationSource = FeedLocationSource.Official,
            FetchedAt = _time.GetUtcNow(),
        };
        var page = await ExecuteAsync(
            discovery.Page, new FeedRequest(request.Provider, document), pageResponse, cancellationToken);
        var text = System.Text.Encoding.UTF8.GetString(page.Body ?? []);
        var link = discovery.Link.Matches(text)
            .Select(match => match.Value)
            .Order(StringComparer.Ordinal)
            .LastOrDefault()
            ?? throw new FeedFormatException(
                $"The page {discovery.Page} links to no file matching '{discovery.Link}'; its layout may have changed. "
                + "Configure the file's URL instead.");
        return (new Uri(link), FeedLocationSource.Discovered);
    }

    private ResiliencePipeline BuildPipeline()
    {
        var builder = new ResiliencePipelineBuilder { TimeProvider = _time };
        if (_options.FeedAttempts > 1)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder()
                    .Handle<HttpRequestException>()
                    .Handle<IOException>()
                    .Handle<TimeoutRejectedException>()
                    .Handle<FeedHttpStatusException>(error => error.IsTransient),
                MaxRetryAttempts = _options.FeedAttempts - 1,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = _options.RetryDelay,
                OnRetry = arguments =>
                {
                    var properties = arguments.Context.Properties;
                    FeedFetchLog.FeedRetrying(
                        _logger,
                        properties.GetValue(UrlKey, string.Empty),
                        properties.GetValue(ProviderKey, string.Empty),
                        arguments.AttemptNumber + 1,
                        (long)arguments.RetryDelay.TotalMilliseconds,
                        arguments.Outcome.Exception is { } error ? Describe(error) : "no answer");
                    return default;
                },
            });
        }

        return builder.AddTimeout(_options.FeedTimeout).Build();
    }

    private void LogFetched(FeedRequest request, FeedResponse fetched, long started)
    {
        if (fetched.NotModified)
        {
            FeedFetchLog.FeedNotModified(_logger, fetched.Location, request.Provider);
            return;
        }

        FeedFetchLog.FeedFetched(
            _logger,
            fetched.Location,
            request.Provider,
            fetched.HttpStatus ?? 0,
            fetched.Body?.LongLength ?? 0,
            (long)_time.GetElapsedTime(started).TotalMilliseconds);
    }
}
